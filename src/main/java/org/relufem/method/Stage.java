package org.relufem.method;

/**
 * One reported state of a fit.
 *
 * @param epochs the epoch count of this checkpoint, or null for methods without epochs
 * @param approximant the fitted function; null unless {@code status} is OK
 * @param trainMse mean squared error on the training set, NaN where there is none
 * @param fitSeconds time spent fitting up to this stage
 * @param status OK, or why there is no approximant
 * @param message the reason for a status other than OK, else null
 */
public record Stage(Integer epochs, Approximant approximant, double trainMse, double fitSeconds,
                    Status status, String message) {

    /** Why a stage has or lacks an approximant. Names are the {@code status} column's values. */
    public enum Status {
        OK("ok"), DIVERGED("diverged"), FAILED("failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static Stage ok(Integer epochs, Approximant approximant, double trainMse, double fitSeconds) {
        return new Stage(epochs, approximant, trainMse, fitSeconds, Status.OK, null);
    }

    public static Stage diverged(Integer epochs, double fitSeconds, String message) {
        return new Stage(epochs, null, Double.NaN, fitSeconds, Status.DIVERGED, message);
    }

    public static Stage failed(Integer epochs, double fitSeconds, String message) {
        return new Stage(epochs, null, Double.NaN, fitSeconds, Status.FAILED, message);
    }
}
