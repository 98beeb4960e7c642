package org.relufem.method.net;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.management.ObjectName;

/**
 * Keeps each Vector API kernel of this package a method that C2 compiles on its own, never inlined
 * into its callers, by adding a compiler directive (JEP 165) to the running JVM the first time a
 * kernel class loads: the same as {@code jcmd PID Compiler.directives_add}, done through the
 * DiagnosticCommand MBean, so it holds in a driver, in every executor and in tests without a JVM
 * option to pass.
 *
 * <p>Why: C2 (JDK 17) inlines a compile unit's callees in parse order against one node budget
 * (NodeCountInliningCutoff), and the Vector API's calls cost many parse nodes. When a kernel was
 * inlined into {@code ForwardPass.run} or the backward pass beside the layer loop, the products and
 * a second activation, a JVM that had trained other shapes and activations first could compile the
 * unit past that budget: the rest of its vector calls stayed calls, their vectors boxed, and a
 * 2 -&gt; 3 x 30 -&gt; 1 Adam step allocated 2 MB and ran several times slower
 * ({@code NetTrainingTest}). With the directive no compile unit reaches that cutoff, and a depth-1
 * step costs the same within noise (the kernels are called once per row). The other way a kernel's
 * compile boxed its vectors, C2's trap limit, needs a JVM option: see {@link JitOptions}.
 *
 * <p>Where the MBean is missing (a JVM other than HotSpot) or refuses, nothing is added and the
 * kernels run as before, inlined where C2 chooses.
 */
final class CompileUnits {
    /** The kernels, as a directive names a method: class/path.name(descriptor). */
    static final List<String> KERNELS = List.of(
            "org/relufem/method/net/ElementaryLanes.leakyRelu([D[D[DI)V",
            "org/relufem/method/net/ElementaryLanes.tanh([D[D[DI)V",
            "org/relufem/method/net/ElementaryLanes.elu([D[D[DI)V",
            "org/relufem/method/net/ElementaryLanes.geluTanh([D[DI)V",
            "org/relufem/method/net/ElementaryLanes.geluOfTanh([D[D[D[DI)V",
            "org/relufem/method/net/ElementaryLanes.expMinusAbs([D[DI)V",
            "org/relufem/method/net/ElementaryLanes.softplusOfExp([D[D[D[DI)V",
            "org/relufem/method/net/ElementaryLanes.sin([D[D[DI)V",
            "org/relufem/method/net/DenseLanes.wide([[DI[[D[[DI)V",
            "org/relufem/method/net/DenseLanes.narrow([[DI[[D[[DI)V",
            "org/relufem/method/net/DenseLanes.transposeWide([[D[[DII[DII)V",
            "org/relufem/method/net/DenseLanes.transposeNarrow([[D[[DII[DIII)V",
            "org/relufem/method/net/DenseLanes.lastRow([[D[[DI[DII)V",
            "org/relufem/method/net/DenseLanes.lastColumn([[D[[DI[DIII)V",
            "org/relufem/method/net/DenseLanes.biasRelu([D[D[DI)V",
            "org/relufem/method/net/DenseLanes.reluMask([D[DI)V");

    /** Whether the directive is in place: the DiagnosticCommand MBean said it added it. */
    static final boolean INSTALLED = add();

    private CompileUnits() {
    }

    /** Loads this class, adding the directive once; the kernel classes call it as they load. */
    static boolean install() {
        return INSTALLED;
    }

    /** The directive: for every method of relufem, the kernels are not to be inlined. */
    static String directive() {
        return "[{ match: \"org/relufem/*.*\", inline: ["
                + KERNELS.stream().map(k -> "\"-" + k + "\"").collect(Collectors.joining(", ")) + "] }]";
    }

    private static boolean add() {
        Path file = null;
        try {
            file = Files.createTempFile("relufem-directives", ".json");
            Files.writeString(file, directive());
            Object said = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            return String.valueOf(said).startsWith("1 compiler directives added");
        } catch (Exception | LinkageError e) { // no MBean, no temporary directory: the kernels as C2 chooses
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (java.io.IOException ignored) {
                    // a leftover temporary file of 1 KB
                }
            }
        }
    }
}
