/**
 * JUnit 5 support for users' own tests: {@link org.igclab.rules.junit.IgcAssertions} asserts the complementary and
 * balance conditions with messages that name the witness and a fix, and {@link org.igclab.rules.junit.DesignSource}
 * runs a parameterized test over every design of a file. JUnit Jupiter is an optional dependency of igc-rules, so
 * these classes need it on the user's test class path; nothing else in igc-rules uses them.
 */
package org.igclab.rules.junit;
