package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The JIT options: every copy says what {@link JitOptions} says, and the tests' JVM has them. */
class JitOptionsTest {
    @Test
    void theLaunchersAndTheBuildPassTheSameOptions() throws IOException {
        Matcher bash = Pattern.compile("(?m)^jit_options=\\(([^)]*)\\)$")
                .matcher(Files.readString(Path.of("jobs/common.bash")));
        assertTrue(bash.find(), "jobs/common.bash sets no jit_options");
        assertEquals(JitOptions.OPTIONS, List.of(bash.group(1).trim().split("\\s+")), "jobs/common.bash");
        Matcher pom = Pattern.compile("<relufem.jit.options>([^<]*)</relufem.jit.options>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(pom.find(), "pom.xml sets no relufem.jit.options");
        assertEquals(JitOptions.OPTIONS, List.of(pom.group(1).trim().split("\\s+")), "pom.xml");
    }

    @Test
    void thisJvmRunsWithThem() {
        Assumptions.assumeTrue(java.lang.management.ManagementFactory.getPlatformMXBean(
                com.sun.management.HotSpotDiagnosticMXBean.class) != null, "not HotSpot");
        long limit = Long.parseLong(java.lang.management.ManagementFactory.getPlatformMXBean(
                com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption(JitOptions.FLAG).getValue());
        assertTrue(limit >= JitOptions.TRAP_LIMIT, "surefire's argLine lost " + JitOptions.OPTIONS);
    }

    @Test
    void theyAreAddedToAnExecutorsOptionsUnlessTheUserSetTheFlag() {
        assertEquals("-XX:PerMethodTrapLimit=10000", JitOptions.addedTo(null));
        assertEquals("-XX:PerMethodTrapLimit=10000", JitOptions.addedTo("  "));
        assertEquals("-Xss8m -XX:PerMethodTrapLimit=10000", JitOptions.addedTo(" -Xss8m"));
        assertEquals("-Xss8m -XX:PerMethodTrapLimit=500", JitOptions.addedTo("-Xss8m -XX:PerMethodTrapLimit=500"));
    }
}
