package org.relufem;

/**
 * Input a command cannot run on: a spec, a command's arguments, an output directory or a query.
 * The message names what is wrong and where (key, file line, token); the command prints it as one
 * line and exits with code 2, having written nothing.
 */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
