package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The directive that keeps the Vector API kernels compile units of their own. */
class CompileUnitsTest {
    @Test
    void everyKernelNamedIsAMethodOfItsClass() throws ClassNotFoundException {
        Assumptions.assumeTrue(Activation.LANES, "the Vector API module is not in this JVM");
        for (String kernel : CompileUnits.KERNELS) {
            int dot = kernel.indexOf('.');
            int paren = kernel.indexOf('(');
            Class<?> owner = Class.forName(kernel.substring(0, dot).replace('/', '.'));
            String name = kernel.substring(dot + 1, paren);
            String descriptor = kernel.substring(paren);
            long matches = Arrays.stream(owner.getDeclaredMethods())
                    .filter(m -> m.getName().equals(name) && descriptor(m).equals(descriptor)).count();
            assertEquals(1, matches, kernel + " names no method of " + owner.getSimpleName());
        }
    }

    @Test
    void hotSpotTakesTheDirective() {
        Assumptions.assumeTrue(Activation.LANES, "the Vector API module is not in this JVM");
        Assumptions.assumeTrue(java.lang.management.ManagementFactory.getPlatformMXBean(
                com.sun.management.HotSpotDiagnosticMXBean.class) != null, "not HotSpot");
        assertTrue(CompileUnits.INSTALLED, CompileUnits.directive());
        assertTrue(CompileUnits.directive().contains("\"-org/relufem/method/net/DenseLanes.wide([[DI[[D[[DI)V\""),
                CompileUnits.directive());
    }

    private static String descriptor(Method m) {
        return Arrays.stream(m.getParameterTypes()).map(CompileUnitsTest::descriptor)
                .collect(Collectors.joining("", "(", ")")) + descriptor(m.getReturnType());
    }

    private static String descriptor(Class<?> c) {
        if (c.isArray()) {
            return "[" + descriptor(c.getComponentType());
        }
        if (c == void.class) {
            return "V";
        }
        if (c == int.class) {
            return "I";
        }
        if (c == double.class) {
            return "D";
        }
        if (c.isPrimitive()) {
            throw new IllegalArgumentException("no kernel takes a " + c);
        }
        return "L" + c.getName().replace('.', '/') + ";";
    }
}
