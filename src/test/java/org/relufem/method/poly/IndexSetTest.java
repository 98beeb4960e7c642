package org.relufem.method.poly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.relufem.method.poly.IndexSet.Kind;

/** Sizes by closed forms, membership by brute force, lower-set structure and order. */
class IndexSetTest {

    private static long binomial(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    /**
     * Number of d-tuples of positive integers k with prod k_i &lt;= bound: the hyperbolic cross of
     * order bound - 1 (k_i = nu_i + 1). H_1(N) = N, H_d(N) = sum_{k=1}^{N} H_{d-1}(floor(N / k)).
     */
    private static long hyperbolicCount(int d, int bound) {
        if (d == 1) {
            return bound;
        }
        long s = 0;
        for (int k = 1; k <= bound; k++) {
            s += hyperbolicCount(d - 1, bound / k);
        }
        return s;
    }

    @Test
    void totalDegreeHasBinomialNPlusDChooseDIndices() {
        for (int d = 1; d <= 4; d++) {
            for (int n = 0; n <= 12; n++) {
                assertEquals(binomial(n + d, d), IndexSet.totalDegree(d, n).size(), "d=" + d + " n=" + n);
            }
        }
        assertEquals(136, IndexSet.totalDegree(2, 15).size());
    }

    @Test
    void hyperbolicCrossSizesFollowTheDivisorSumRecursion() {
        for (int d = 1; d <= 4; d++) {
            for (int n = 0; n <= 40; n++) {
                assertEquals(hyperbolicCount(d, n + 1), IndexSet.hyperbolicCross(d, n).size(), "d=" + d + " n=" + n);
            }
        }
        // By hand, d = 2, n = 3: (k1, k2) with k1 k2 <= 4: 4 + 2 + 1 + 1.
        assertEquals(8, IndexSet.hyperbolicCross(2, 3).size());
        // In d = 1 both sets are {0, ..., n}.
        assertEquals(IndexSet.totalDegree(1, 9).size(), IndexSet.hyperbolicCross(1, 9).size());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void equalsTheBruteForceSetAndIsLower(Kind kind) {
        for (int d = 1; d <= 3; d++) {
            for (int n = 0; n <= 7; n++) {
                IndexSet set = IndexSet.of(kind, d, n);
                Set<String> members = new HashSet<>();
                for (int j = 0; j < set.size(); j++) {
                    members.add(Arrays.toString(set.index(j)));
                }
                assertEquals(set.size(), members.size(), "no duplicates");
                int[] nu = new int[d];
                int expected = 0;
                for (int code = 0; code < Math.pow(n + 1, d); code++) {
                    int c = code;
                    int sum = 0;
                    long prod = 1;
                    for (int k = 0; k < d; k++) {
                        nu[k] = c % (n + 1);
                        c /= n + 1;
                        sum += nu[k];
                        prod *= nu[k] + 1;
                    }
                    boolean in = kind == Kind.TOTAL_DEGREE ? sum <= n : prod <= n + 1;
                    assertEquals(in, members.contains(Arrays.toString(nu)), kind + " " + Arrays.toString(nu));
                    expected += in ? 1 : 0;
                    if (in) {
                        for (int k = 0; k < d; k++) {
                            if (nu[k] > 0) {
                                nu[k]--;
                                assertTrue(members.contains(Arrays.toString(nu)), "lower set");
                                nu[k]++;
                            }
                        }
                    }
                }
                assertEquals(expected, set.size());
                assertEquals(n, set.maxDegree());
            }
        }
    }

    @Test
    void orderedByTotalDegreeThenLexicographically() {
        IndexSet set = IndexSet.totalDegree(2, 2);
        int[][] expected = {{0, 0}, {0, 1}, {1, 0}, {0, 2}, {1, 1}, {2, 0}};
        for (int j = 0; j < expected.length; j++) {
            assertArrayEquals(expected[j], set.index(j));
        }
        IndexSet cross = IndexSet.hyperbolicCross(3, 5);
        for (int j = 1; j < cross.size(); j++) {
            int[] a = cross.index(j - 1);
            int[] b = cross.index(j);
            int byDegree = Integer.compare(Arrays.stream(a).sum(), Arrays.stream(b).sum());
            assertTrue(byDegree < 0 || byDegree == 0 && Arrays.compare(a, b) < 0, Arrays.toString(a) + " before " + Arrays.toString(b));
        }
    }

    @Test
    void rejectsBadArgumentsAndHugeSets() {
        assertThrows(IllegalArgumentException.class, () -> IndexSet.totalDegree(0, 3));
        assertThrows(IllegalArgumentException.class, () -> IndexSet.totalDegree(2, -1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IndexSet.totalDegree(30, 30));
        assertTrue(e.getMessage().contains("more than " + IndexSet.MAX_SIZE), e.getMessage());
        assertEquals(Kind.HYPERBOLIC_CROSS, Kind.of("hyperbolic_cross"));
        assertThrows(IllegalArgumentException.class, () -> Kind.of("td"));
    }
}
