package org.igclab.rules.testing;

import org.igclab.rules.model.GroupConv;
import org.igclab.rules.model.KernelChain;
import org.igclab.rules.model.Permutation;

/**
 * The path-count matrix by its literal definition: {@code N = [P_L] B_L P_{L-1} ... P_1 B_1} with
 * {@code B_l[o][i] = 1} iff the kernel connects {@code o} to {@code i} and {@code P[j][sourceOf(j)] = 1},
 * multiplied as dense matrices of longs. {@code O(L * C^3)}: only for small widths.
 */
public final class BruteForcePaths {
    private BruteForcePaths() {
    }

    public static long[][] connectivity(GroupConv kernel) {
        long[][] b = new long[kernel.outChannels()][kernel.inChannels()];
        for (int o = 0; o < b.length; o++) {
            for (int i = 0; i < b[o].length; i++) {
                b[o][i] = kernel.connects(o, i) ? 1 : 0;
            }
        }
        return b;
    }

    public static long[][] matrix(Permutation p) {
        long[][] m = new long[p.size()][p.size()];
        for (int j = 0; j < p.size(); j++) {
            m[j][p.sourceOf(j)] = 1;
        }
        return m;
    }

    public static long[][] multiply(long[][] a, long[][] b) {
        int n = a.length;
        int inner = b.length;
        int m = b[0].length;
        if (a[0].length != inner) {
            throw new IllegalArgumentException(a[0].length + " columns times " + inner + " rows");
        }
        long[][] c = new long[n][m];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < inner; k++) {
                long v = a[r][k];
                if (v == 0) {
                    continue;
                }
                for (int col = 0; col < m; col++) {
                    c[r][col] += v * b[k][col];
                }
            }
        }
        return c;
    }

    public static long[][] pathCounts(KernelChain chain) {
        long[][] n = connectivity(chain.kernel(0));
        for (int l = 1; l < chain.length(); l++) {
            n = multiply(matrix(chain.permutations().get(l - 1)), n);
            n = multiply(connectivity(chain.kernel(l)), n);
        }
        if (chain.finalPermutation().isPresent()) {
            n = multiply(matrix(chain.finalPermutation().get()), n);
        }
        return n;
    }
}
