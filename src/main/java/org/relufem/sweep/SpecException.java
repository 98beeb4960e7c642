package org.relufem.sweep;

/** A spec (or a command's arguments) that cannot be run; the message names what is wrong and where. */
public final class SpecException extends RuntimeException {
    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
