package org.relufem.target;

/**
 * A formula that is not in the language of {@link FormulaParser}: the message names the offending
 * token and its column (1-based, in the formula's text).
 */
public final class FormulaException extends IllegalArgumentException {
    private final String token;
    private final int column;

    FormulaException(String token, int column, String message) {
        super(message);
        this.token = token;
        this.column = column;
    }

    /** The offending token's text ("" at the end of the formula). */
    public String token() {
        return token;
    }

    /** Its column, 1-based. */
    public int column() {
        return column;
    }
}
