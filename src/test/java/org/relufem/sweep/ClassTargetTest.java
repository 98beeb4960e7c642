package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.BadInputException;

/**
 * A user's target class, as the README tells users to write one: its example class is compiled
 * from the README's text against relufem's classes, put in a jar, loaded from it and run.
 */
class ClassTargetTest {
    @TempDir
    static Path dir;

    static URLClassLoader jar;

    /** The README's example class, compiled into ripple.jar. */
    @BeforeAll
    static void buildTheReadmesExampleIntoAJar() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```java\npackage com.example;");
        assertTrue(start >= 0, "README.md shows an example Target class");
        String source = readme.substring(start + "```java\n".length(), readme.indexOf("```", start + 7));
        Path src = Files.createDirectories(dir.resolve("src/com/example")).resolve("Ripple.java");
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = javac.run(null, errors, errors, "-classpath", System.getProperty("java.class.path"), "-d",
                classes.toString(), src.toString());
        assertEquals(0, code, errors.toString());
        Path jarFile = dir.resolve("ripple.jar");
        try (OutputStream file = Files.newOutputStream(jarFile); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> all = Files.walk(classes)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
        jar = new URLClassLoader(new URL[] {jarFile.toUri().toURL()}, ClassTargetTest.class.getClassLoader());
    }

    /** Runs {@code work} with the jar on the context class loader, as an executor given {@code --jars} does. */
    static <T> T withJar(Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(jar);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    static SweepSpec spec(String target) {
        return SpecParser.parse("""
                sweep = t
                targets = [ %s ]
                test { points = 500, seeds = [0] }
                methods = [ { method = p1, data { sampler = grid, grid_n = 9 } } ]
                """.formatted(target), "class.conf");
    }

    @Test
    void theClassFromAJarRunsAndGivesTheRowsOfTheSameFunctionWrittenAsAFormula() throws Exception {
        TrialSpace mine = withJar(() -> new TrialSpace(spec("{ class = \"com.example.Ripple\", dim = [2, 3] }")));
        TrialSpace formula = new TrialSpace(spec("{ name = ripple, formula = \"cos(3*(x1^2 + x2^2))\", box = [[-1, 1], [-1, 1]] },"
                + " { name = ripple, formula = \"cos(3*(x1^2 + x2^2 + x3^2))\", box = [[-1, 1], [-1, 1], [-1, 1]] }"));
        assertEquals(2, mine.size());
        for (long i = 0; i < mine.size(); i++) {
            Trial t = mine.trial(i);
            assertEquals("ripple", t.target());
            assertEquals(2 + i, t.dim());
            assertTrue(t.canonical().contains("target_class=com.example.Ripple;"), t.canonical());
            List<ResultRow> rows = withJar(() -> TrialRunner.run(t));
            assertEquals("ok", rows.get(0).status(), rows.get(0).message());
            assertEquals(TrialRunner.run(formula.trial(i)).get(0).errors(), rows.get(0).errors());
            assertTrue(rows.get(0).errors().mse() > 1e-6, "P1 on a 9-node grid cannot be exact: " + rows.get(0).errors());
        }
    }

    @Test
    void anExecutorRebuildsTheTargetFromItsDefinitionAndTheJar() throws Exception {
        Trial t = withJar(() -> new TrialSpace(spec("{ class = \"com.example.Ripple\", dim = 2, name = rip }")).trial(0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(t);
        }
        Trial shipped;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (Trial) in.readObject();
        }
        assertEquals(t.rowIds(), shipped.rowIds());
        assertEquals("rip", shipped.target());
        // Without the jar the class is not there: the trial fails as data, naming why.
        ResultRow without = TrialRunner.run(shipped).get(0);
        assertEquals("failed", without.status());
        assertTrue(without.message().contains("com.example.Ripple is not on the classpath"), without.message());
        assertEquals("ok", withJar(() -> TrialRunner.run(shipped)).get(0).status());
        // And a spec naming it without the jar is refused before anything runs.
        BadInputException e = assertThrows(BadInputException.class, () -> spec("{ class = \"com.example.Ripple\", dim = 2 }"));
        assertTrue(e.getMessage().startsWith("class.conf: 2: targets[0].class: class com.example.Ripple is not on the"
                + " classpath"), e.getMessage());
    }
}
