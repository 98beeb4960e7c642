package org.relufem.method.net;

/**
 * Exponential decay of the learning rate from {@code start} at epoch 1 to {@code end} at epoch
 * {@code lastEpoch}: lr_e = start (end / start)^((e - 1) / (E - 1)), as Adcock &amp; Dexter (2021)
 * train; every step of epoch e uses lr_e. {@link StrictMath#pow} keeps the rates identical on every
 * machine, and end = start gives exactly start at every epoch (1^x = 1).
 *
 * @param start the learning rate of epoch 1, positive
 * @param end the learning rate of epoch {@code lastEpoch}, positive
 * @param lastEpoch E, the last epoch trained, >= 1; E = 1 means just {@code start}
 */
public record LearningRateSchedule(double start, double end, int lastEpoch) {
    public LearningRateSchedule {
        if (!(start > 0) || Double.isInfinite(start) || !(end > 0) || Double.isInfinite(end)) {
            throw new IllegalArgumentException("lr and lr_end must be positive and finite, got " + start + ", " + end);
        }
        Network.requirePositive("the last epoch", lastEpoch);
    }

    /** The learning rate of epoch {@code epoch}, 1 &lt;= epoch &lt;= lastEpoch. */
    public double rate(int epoch) {
        if (epoch < 1 || epoch > lastEpoch) {
            throw new IllegalArgumentException("epoch " + epoch + " is outside 1.." + lastEpoch);
        }
        if (lastEpoch == 1) {
            return start;
        }
        return start * StrictMath.pow(end / start, (epoch - 1) / (double) (lastEpoch - 1));
    }
}
