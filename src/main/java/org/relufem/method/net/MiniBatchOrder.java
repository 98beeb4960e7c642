package org.relufem.method.net;

import java.util.SplittableRandom;

/**
 * The order in which a training set's points form mini-batches: a permutation of the points,
 * reshuffled (Fisher-Yates, from the trial's batch stream) at the first batch of each epoch, and
 * walked in batches of {@code batchSize}, the last of an epoch possibly smaller. Shared by the
 * float64 and float32 objectives, so that both see the same batches from the same seed.
 */
final class MiniBatchOrder {
    private final int[] permutation;
    private final SplittableRandom shuffle;
    private final int batchSize;
    private int position;
    private int start;

    MiniBatchOrder(int count, int batchSize, SplittableRandom shuffle) {
        this.permutation = new int[count];
        for (int i = 0; i < count; i++) {
            permutation[i] = i;
        }
        this.batchSize = batchSize;
        this.shuffle = shuffle;
    }

    /** Whether a batch is the whole training set (then the objectives never call {@link #next}). */
    boolean fullBatch() {
        return batchSize == permutation.length;
    }

    /** Number of batches, and so of optimiser steps, in one pass over the training set. */
    int batchesPerEpoch() {
        return (permutation.length + batchSize - 1) / batchSize;
    }

    /** Moves to the next batch and returns its size; its points are {@link #point}(0 .. size - 1). */
    int next() {
        int count = permutation.length;
        if (position == 0) {
            for (int i = count - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = permutation[i];
                permutation[i] = permutation[j];
                permutation[j] = t;
            }
        }
        int rows = Math.min(batchSize, count - position);
        start = position;
        position = (position + rows) % count;
        return rows;
    }

    /** The index in the training set of the current batch's point {@code r}. */
    int point(int r) {
        return permutation[start + r];
    }
}
