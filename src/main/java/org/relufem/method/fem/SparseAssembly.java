package org.relufem.method.fem;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.CommonOps_DSCC;

/** Finite-element assembly's last step: triplets (row, column, value) with repeats to CSC. */
final class SparseAssembly {
    private SparseAssembly() {
    }

    /**
     * The CSC matrix whose entries are the sums of the triplets at each position. EJML's converter
     * keeps repeated positions as separate entries; they are sorted and summed here.
     *
     * @param triplets element contributions. Not modified.
     * @return a new matrix with sorted row indices and no repeats
     */
    static DMatrixSparseCSC toCsc(DMatrixSparseTriplet triplets) {
        DMatrixSparseCSC csc = DConvertMatrixStruct.convert(triplets, (DMatrixSparseCSC) null, null);
        csc.sortIndices(null);
        CommonOps_DSCC.duplicatesAdd(csc, null);
        return csc;
    }
}
