package org.igclab.runtime.study;

/**
 * A study as stored.
 *
 * @param id           the row id
 * @param name         the name it is known by (unique in a store)
 * @param spaceFile    the space file it was created from, as given (for reports)
 * @param spaceJson    that space, its template inlined: the study does not depend on the file afterwards
 * @param objectives   {@code accuracy:max,latency_b1}
 * @param constraints  the constraints applied before measuring, the space file's own included ({@code maxParams=...})
 * @param settingsJson how its designs are measured, fixed by its first run (null before)
 * @param samplerState where its sampler stands, for reports (a sampler resumes from the trials themselves)
 * @param createdAt    ISO-8601 instant
 */
public record StudyRecord(long id, String name, String spaceFile, String spaceJson, String objectives, String constraints,
                          String settingsJson, String samplerState, String createdAt) {
}
