package org.relufem.report.analysis;

/** The test errors the report compares methods by. */
public enum Metric {
    /** ‖f − g‖ / ‖f‖ over the test points. */
    REL_L2("rel_l2", "relative L2 error"),
    /** The max-norm search's largest |f − g| (the test-set maximum where there was no search). */
    MAX_NORM("max_err", "max-norm error");

    private final String key;
    private final String label;

    Metric(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** Short name, as in the page's data. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
