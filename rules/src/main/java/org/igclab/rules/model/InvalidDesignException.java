package org.igclab.rules.model;

import org.igclab.rules.IgcException;

/**
 * A design element that cannot exist: the message names the field by its path
 * ({@code kernels[2].groups}) and says what is wrong with its value.
 *
 * <p>Elements validate themselves with paths relative to their own fields; a container that holds
 * them re-paths the error with {@link #under(String)} so the user sees where in the file it is.
 */
public class InvalidDesignException extends IgcException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;

    /**
     * @param path   the offending field, e.g. {@code groups} or {@code kernels[2].groups}
     * @param reason the complaint, phrased to follow the path, e.g. {@code = 5 does not divide 64 input channels}
     */
    public InvalidDesignException(String path, String reason) {
        this(path, reason, null);
    }

    /** The same, with the exception that revealed it (a number that overflowed, a file that could not be read). */
    public InvalidDesignException(String path, String reason, Throwable cause) {
        super(compose(path, reason), cause);
        this.path = path;
        this.reason = reason;
    }

    /** The path of the offending field. */
    public String path() {
        return path;
    }

    /** The complaint, without the path. */
    public String reason() {
        return reason;
    }

    /** The same complaint, seen from a container: {@code under("kernels[2]")} turns {@code groups} into {@code kernels[2].groups}. */
    public InvalidDesignException under(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return this;
        }
        String joined = path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
        InvalidDesignException moved = new InvalidDesignException(joined, reason, getCause());
        moved.setStackTrace(getStackTrace());
        return moved;
    }

    /**
     * The same complaint with the field's last name changed, for formats whose field names differ from the
     * model's ({@code kernelSize} is {@code kernel} in a chain file).
     */
    public InvalidDesignException renamed(String from, String to) {
        if (path.equals(from) || path.endsWith("." + from)) {
            InvalidDesignException moved = new InvalidDesignException(path.substring(0, path.length() - from.length()) + to, reason, getCause());
            moved.setStackTrace(getStackTrace());
            return moved;
        }
        return this;
    }

    /** Throws when {@code value} is not positive. */
    public static void requirePositive(String path, long value) {
        if (value <= 0) {
            throw new InvalidDesignException(path, "= " + value + " must be positive");
        }
    }

    /** Throws when a kernel side is even: kernels of chains keep the spatial size, with padding {@code (side - 1) / 2}. */
    public static void requireOddKernel(String path, int side) {
        if (side % 2 == 0) {
            throw new InvalidDesignException(path, "= " + side + " must be odd: a chain keeps the spatial size with padding (side - 1) / 2");
        }
    }

    private static String compose(String path, String reason) {
        if (path == null || path.isEmpty()) {
            return reason;
        }
        return reason.startsWith("=") ? path + " " + reason : path + ": " + reason;
    }
}
