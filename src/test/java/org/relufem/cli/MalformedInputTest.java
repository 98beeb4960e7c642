package org.relufem.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed specs and argument lists, one table: every case must exit 2 with one line on stderr
 * that starts with {@code relufem: } and names what is wrong (and, for spec errors that have one,
 * the file line), print nothing on stdout, and leave {@code --out} exactly as it was.
 *
 * <p>No case reaches Spark: every error is found before a session starts.
 */
class MalformedInputTest {
    @TempDir
    static Path dir;

    /**
     * A valid spec every spec case edits with {@link #with}; the line numbers in the table below
     * refer to it.
     */
    static final String OK = """
            sweep = ok
            targets = [ { name = seed2d } ]
            test { points = 100, seeds = [0] }
            methods = [
              { method = p1, data { sampler = grid, grid_n = 4 } }
              { method = relu_net
                data { sampler = grid, grid_n = 5 }
                width = 3, depth = 1, optimizer = adam, lr = 1e-3, batch_size = 0
                epochs = 2, init_seeds = [0], keep_weights = false }
            ]
            """;

    /** What --out points at before the command runs. */
    enum Out { ABSENT, TABLE, FOREIGN, FILE }

    /** Marks a spec that is not a text: no file, a directory, or a file nobody may read. */
    static final String MISSING = "<missing>";
    static final String DIRECTORY = "<directory>";
    static final String UNREADABLE = "<unreadable>";

    /**
     * One row of the table.
     *
     * @param spec the spec text written to {slug}.conf (or a marker above)
     * @param args the command line; {spec} and {out} stand for the spec file and the --out path
     * @param line the spec line the message must name, or 0
     */
    record Case(String name, String spec, List<String> args, Out out, String expected, int line) {
        @Override
        public String toString() {
            return name;
        }

        String slug() {
            return name.replaceAll("[^A-Za-z0-9]+", "-");
        }
    }

    /** OK with {@code from} (which must occur exactly once) replaced by {@code to}. */
    static String with(String from, String to) {
        int at = OK.indexOf(from);
        if (at < 0 || OK.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("'" + from + "' must occur exactly once in OK");
        }
        return OK.replace(from, to);
    }

    static final List<Case> CASES = new ArrayList<>();

    /** A bad spec, through both {@code run} (into an --out in state {@code out}) and {@code plan}. */
    static void spec(String name, int line, String expected, Out out, String text) {
        CASES.add(new Case("run: " + name, text, List.of("run", "{spec}", "--out", "{out}"), out, expected, line));
        CASES.add(new Case("plan: " + name, text, List.of("plan", "{spec}"), Out.ABSENT, expected, line));
    }

    static void spec(String name, int line, String expected, String text) {
        spec(name, line, expected, Out.ABSENT, text);
    }

    /** A bad argument list around the valid spec OK. */
    static void args(String name, Out out, String expected, String... args) {
        CASES.add(new Case(name, OK, List.of(args), out, expected, 0));
    }

    static {
        // files that are not a spec
        spec("missing spec file", 0, "spec file not found", MISSING);
        spec("spec is a directory", 0, "is a directory, not a file", DIRECTORY);
        spec("unreadable spec file", 0, "cannot read spec", UNREADABLE);
        spec("empty file", 0, "is empty", "");
        spec("only comments", 0, "is empty", "# nothing yet\n// still nothing\n");

        // syntax
        spec("unclosed list", 3, "cannot read spec", "sweep = x\ntargets = [ { name = seed2d }\n");
        spec("double equals", 1, "cannot read spec", with("sweep = ok", "sweep = = ok"));
        spec("unresolved substitution", 5, "${n}", with("grid_n = 4 }", "grid_n = ${n} }"));
        spec("missing include", 0, "cannot read spec", "include required(\"nowhere.conf\")\n" + OK);

        // the sweep name
        spec("missing sweep", 1, "missing key 'sweep'", with("sweep = ok\n", ""));
        spec("uppercase sweep name", 1, "sweep must match [a-z0-9-]+", with("sweep = ok", "sweep = Seed"));
        spec("sweep name with spaces", 1, "got 'seed study'", with("sweep = ok", "sweep = \"seed study\""));
        spec("sweep name escaping the table", 1, "got '../x'", with("sweep = ok", "sweep = \"../x\""));
        spec("empty sweep name", 1, "got ''", with("sweep = ok", "sweep = \"\""));
        spec("sweep name is an object", 1, "sweep must be a string, got object {\"name\":\"ok\"}", with("sweep = ok", "sweep = { name = ok }"));

        // missing and empty axes
        spec("missing targets", 1, "missing key 'targets'", with("targets = [ { name = seed2d } ]\n", ""));
        spec("missing methods", 1, "missing key 'methods'", OK.substring(0, OK.indexOf("methods")));
        spec("empty targets", 2, "targets is an empty axis", with("[ { name = seed2d } ]", "[]"));
        spec("empty methods", 4, "methods is an empty axis", OK.substring(0, OK.indexOf("methods")) + "methods = []\n");
        spec("empty test seeds", 3, "test.seeds is an empty axis", with("seeds = [0] }", "seeds = [] }"));
        spec("empty width axis", 8, "methods[1].width is an empty axis", with("width = 3", "width = []"));
        spec("missing epochs", 6, "missing key 'epochs' in methods[1]", with("epochs = 2, ", ""));
        spec("missing data", 5, "missing key 'data' in methods[0]", with("{ method = p1, data { sampler = grid, grid_n = 4 } }", "{ method = p1 }"));
        spec("missing method name", 5, "missing key 'method' in methods[0]", with("method = p1, ", ""));
        spec("missing grid_n", 7, "missing key 'grid_n' in methods[1].data", with("sampler = grid, grid_n = 5", "sampler = grid"));
        spec("uniform without points", 7, "missing key 'points' in methods[1].data", with("sampler = grid, grid_n = 5", "sampler = uniform"));

        // unknown keys at every level
        spec("unknown top key", 11, "unknown key 'colour' in the spec", OK + "colour = red\n");
        spec("unknown target key", 2, "unknown key 'dims' in targets[0]", with("name = seed2d }", "name = seed2d, dims = 2 }"));
        spec("unknown test key", 3, "unknown key 'seed' in test", with("seeds = [0] }", "seed = 0 }"));
        spec("network key on an interpolant", 5, "unknown key 'width' in methods[0]", with("grid_n = 4 } }", "grid_n = 4 }, width = 3 }"));
        spec("misspelt method key", 8, "unknown key 'widht' in methods[1]", with("width = 3", "widht = 3"));
        spec("unknown data key", 5, "unknown key 'points' in methods[0].data", with("grid_n = 4 }", "grid_n = 4, points = 9 }"));

        // wrong types
        spec("string where integer", 8, "methods[1].width must be an integer, got string \"three\"", with("width = 3", "width = three"));
        spec("list of lists", 8, "methods[1].width must be an integer, got list [3,4]", with("width = 3", "width = [[3, 4]]"));
        spec("object where integer", 5, "methods[0].data.grid_n must be an integer, got object {\"n\":4}", with("grid_n = 4 }", "grid_n = { n = 4 } }"));
        spec("boolean where integer", 9, "methods[1].epochs must be an integer, got boolean", with("epochs = 2", "epochs = true"));
        spec("string where boolean", 9, "methods[1].keep_weights must be true or false", with("keep_weights = false", "keep_weights = maybe"));
        spec("string where number", 8, "methods[1].lr must be a number, got string", with("lr = 1e-3", "lr = fast"));
        spec("scalar where object", 3, "test must be an object", with("test { points = 100, seeds = [0] }", "test = 100"));
        spec("string where target object", 2, "targets[0] must be an object", with("[ { name = seed2d } ]", "seed2d"));
        spec("number where method name", 5, "methods[0].method must be a string, got number", with("method = p1", "method = 1"));

        // non-integers and out-of-range values
        spec("fractional width", 8, "methods[1].width must be an integer, got 1.5", with("width = 3", "width = 1.5"));
        spec("zero width", 8, "methods[1].width must be >= 1, got 0", with("width = 3", "width = 0"));
        spec("negative width", 8, "methods[1].width must be >= 1, got -1", with("width = 3", "width = -1"));
        spec("width beyond int", 8, "methods[1].width must be <= 2147483647", with("width = 3", "width = 3000000000"));
        spec("zero depth", 8, "methods[1].depth must be >= 1, got 0", with("depth = 1", "depth = 0"));
        spec("zero epochs", 9, "methods[1].epochs must be >= 1, got 0", with("epochs = 2", "epochs = [2, 0]"));
        spec("negative lr", 8, "methods[1].lr must be positive and finite, got -0.001", with("lr = 1e-3", "lr = -1e-3"));
        spec("zero lr", 8, "methods[1].lr must be positive and finite, got 0.0", with("lr = 1e-3", "lr = 0"));
        spec("infinite lr", 8, "methods[1].lr must be positive and finite, got Infinity", with("lr = 1e-3", "lr = 1e999"));
        spec("NaN lr", 8, "methods[1].lr must be a number, got string", with("lr = 1e-3", "lr = NaN"));
        spec("grid_n 1", 5, "methods[0].data.grid_n must be >= 2, got 1", with("grid_n = 4 }", "grid_n = 1 }"));
        spec("grid over the node cap", 5, "the limit is 16777216", with("grid_n = 4 }", "grid_n = [4, 5000] }"));
        spec("zero test points", 3, "test.points must be >= 1, got 0", with("points = 100", "points = 0"));
        spec("negative test seed", 3, "test.seeds must be >= 0, got -1", with("seeds = [0] }", "seeds = [-1] }"));
        spec("negative init seed", 9, "methods[1].init_seeds must be >= 0, got -1", with("init_seeds = [0]", "init_seeds = [-1]"));
        spec("negative training seed", 7, "methods[1].data.seeds must be >= 0, got -3",
                with("sampler = grid, grid_n = 5", "sampler = uniform, points = 20, seeds = -3"));
        spec("zero uniform points", 7, "methods[1].data.points must be >= 1, got 0",
                with("sampler = grid, grid_n = 5", "sampler = uniform, points = 0"));
        spec("uniform points over the cap", 7, "methods[1].data.points must be <= 16777216, got 2000000000",
                with("sampler = grid, grid_n = 5", "sampler = uniform, points = [20, 2000000000]"));
        spec("unknown test sampler", 3, "unknown test.sampler 'halton'", with("points = 100", "sampler = halton, points = 100"));
        spec("sparse test grid over the cap", 3, "test.level = 30 gives", with("test { points = 100, seeds = [0] }", "test { sampler = sparse_grid, level = 30 }"));
        spec("seeds of a sobol test set", 3, "unknown key 'seeds'", with("points = 100", "sampler = sobol, points = 100, seeds = [1]"));
        spec("test points over the cap", 3, "test.points must be <= 16777216, got 100000000", with("points = 100", "points = 1e8"));
        spec("negative batch size", 8, "methods[1].batch_size must be >= 0, got -1", with("batch_size = 0", "batch_size = -1"));
        spec("batch size beyond int", 8, "methods[1].batch_size must be <= 2147483647", with("batch_size = 0", "batch_size = 1e12"));

        // names outside the registries
        spec("unknown target", 2, "unknown target 'sead2d'", with("name = seed2d", "name = sead2d"));
        spec("unknown method", 5, "unknown method 'p2'", with("method = p1", "method = p2"));
        spec("unknown optimizer", 8, "unknown optimizer 'sgd' in methods[1].optimizer", with("optimizer = adam", "optimizer = [adam, sgd]"));
        spec("unknown sampler", 7, "method relu_net cannot use sampler = halton", with("sampler = grid, grid_n = 5", "sampler = halton, points = 9"));
        spec("lbfgs with a mini-batch", 8, "batch_size = 4 is a mini-batch of 25 points, but optimizer lbfgs needs the full batch",
                with("optimizer = adam, lr = 1e-3, batch_size = 0", "optimizer = [adam, lbfgs], lr = 1e-3, batch_size = 4"));
        spec("sobol takes no seeds", 7, "unknown key 'seeds'", with("sampler = grid, grid_n = 5", "sampler = sobol, points = 9, seeds = 1"));
        spec("p1 on scattered points", 5, "method p1 cannot use sampler = uniform", with("sampler = grid, grid_n = 4", "sampler = uniform, points = 9"));
        spec("lagrange grid not split by its degree", 5,
                "methods[0].data.grid_n = 4 does not split into cells of degree 2: lagrange needs grid_n - 1 divisible by the degree (3 or 5)",
                with("method = p1, data { sampler = grid, grid_n = 4 }", "method = lagrange, data { sampler = grid, grid_n = 4 }"));
        spec("lagrange degree over the cap", 5, "methods[0].degree must be <= 8, got 9",
                with("method = p1, data { sampler = grid, grid_n = 4 }", "method = lagrange, data { sampler = grid, grid_n = 10 }, degree = 9"));
        spec("lagrange on scattered points", 5, "method lagrange cannot use sampler = uniform",
                with("method = p1, data { sampler = grid, grid_n = 4 }", "method = lagrange, data { sampler = uniform, points = 9 }"));
        spec("christoffel for a network without a space", 7, "and method relu_net has none: give methods[1].data.degree",
                with("sampler = grid, grid_n = 5", "sampler = christoffel, points = 9"));
        spec("christoffel for poly_cs", 5, "method poly_cs cannot use sampler = christoffel",
                with("method = p1, data { sampler = grid, grid_n = 4 }", "method = poly_cs, data { sampler = christoffel, points = 9 }, degree = 2"));
        spec("q1 on scattered points", 5, "method q1 cannot use sampler = uniform", with("method = p1, data { sampler = grid, grid_n = 4 }", "method = q1, data { sampler = uniform, points = 9 }"));

        // network options (issue 7): init, init_std, lr_end, loss_tol
        String opts = "keep_weights = false }";
        spec("unknown init", 9, "unknown init 'xavier' in methods[1].init; known inits: torch, he, normal, relu_fem",
                with(opts, "keep_weights = false, init = xavier }"));
        spec("init_std beside a non-normal init", 9, "methods[1].init_std is the std of init = normal and needs every value",
                with(opts, "keep_weights = false, init = [he, normal], init_std = 0.1 }"));
        spec("normal without init_std", 9, "init = normal in methods[1].init needs methods[1].init_std",
                with(opts, "keep_weights = false, init = normal }"));
        spec("zero init_std", 9, "methods[1].init_std must be positive and finite, got 0.0",
                with(opts, "keep_weights = false, init = normal, init_std = 0 }"));
        spec("lr_end with lbfgs", 8, "methods[1].lr_end decays Adam's learning rate (optimizer adam or adam_lsq), but optimizer lbfgs",
                with("optimizer = adam, lr = 1e-3", "optimizer = lbfgs, lr = 1, lr_end = 1e-3"));
        spec("zero loss_tol", 9, "methods[1].loss_tol must be positive and finite, got 0.0",
                with(opts, "keep_weights = false, loss_tol = 0 }"));
        spec("relu_fem init on scattered data", 9, "init = relu_fem in methods[1].init starts from the P1 interpolant of grid"
                + " data and needs data.sampler = grid", with(opts, "keep_weights = false, init = relu_fem }")
                .replace("sampler = grid, grid_n = 5", "sampler = uniform, points = 25"));
        spec("relu_fem init too narrow", 8, "init = relu_fem in methods[1].init on grid_n = 5 in d = 2 (target seed2d) needs"
                + " width >= 24 and depth >= 2", with(opts, "keep_weights = false, init = relu_fem }"));
        spec("relu_fem init too shallow", 8, "needs width >= 24 and depth >= 2, the P1 network's shape; got width = [30],"
                + " depth = [1]", with(opts, "keep_weights = false, init = relu_fem }").replace("width = 3,", "width = 30,"));


        // activations (issue 17)
        spec("unknown activation", 9, "unknown activation 'swish' in methods[1].activation; known activations: relu,"
                + " leaky_relu, elu, tanh, sin, softplus, gelu", with(opts, "keep_weights = false, activation = [tanh, swish] }"));
        spec("activation in capitals", 9, "unknown activation 'TANH' in methods[1].activation",
                with(opts, "keep_weights = false, activation = TANH }"));
        spec("relu_fem init with tanh", 9, "init = relu_fem in methods[1].init is the exact ReLU network of the P1"
                + " interpolant and needs activation = relu, got methods[1].activation = [relu, tanh]",
                with(opts, "keep_weights = false, init = relu_fem, activation = [relu, tanh] }"));
        spec("grad_tol with adam", 8, "methods[1].grad_tol stops a second-order optimiser (optimizer lbfgs or lm), but"
                + " optimizer adam has none", with("optimizer = adam, lr = 1e-3", "optimizer = [lm, adam], lr = 1e-3, grad_tol = 1e-9"));
        spec("grad_tol of 1", 9, "methods[1].grad_tol is relative to the first epoch's gradient norm and must be below 1, got 1.0",
                with(opts, "keep_weights = false, optimizer = lbfgs, grad_tol = 1 }").replace("optimizer = adam, ", ""));
        spec("unknown block", 9, "unknown block 'dense' in methods[1].block; known blocks: plain, residual",
                with(opts, "keep_weights = false, block = dense }"));
        spec("residual block at depth 1", 9, "methods[1].block = residual needs a hidden-to-hidden layer, depth >= 2,"
                + " but methods[1].depth = [1, 3] holds 1", with(opts, "keep_weights = false, block = residual }")
                .replace("depth = 1", "depth = [1, 3]"));
        spec("boost stage 0", 9, "methods[1].boost_stages must be >= 1, got 0",
                with(opts, "keep_weights = false, boost_stages = [0, 2] }"));
        spec("unknown checkpoint rule", 9, "unknown checkpoint rule 'best' in methods[1].checkpoint; known rules: last,"
                + " lowest_loss", with(opts, "keep_weights = false, checkpoint = best }"));
        spec("lowest loss on mini-batches", 9, "methods[1].checkpoint = lowest_loss needs the full batch",
                with(opts, "keep_weights = false, checkpoint = lowest_loss }").replace("batch_size = 0", "batch_size = 5"));
        // precision (issue 22)
        spec("unknown precision", 9, "unknown precision 'float16' in methods[1].precision; known precisions: float64,"
                + " float32", with(opts, "keep_weights = false, precision = [float32, float16] }"));
        spec("float32 with lbfgs", 8, "methods[1].precision: precision float32 trains with adam only, but"
                + " methods[1].optimizer = [adam, lbfgs] holds lbfgs", with("optimizer = adam, lr = 1e-3",
                "optimizer = [adam, lbfgs], lr = 1e-3, precision = [float64, float32]"));

        // a block's dim axis and l2_projection's grid (issue 7)
        spec("block dim no target has", 5, "methods[0].dim = 3 but no target has dim = 3; the targets' dimensions are [2]",
                with("method = p1,", "method = p1, dim = 3,"));
        spec("l2_projection without grid_n", 5, "missing key 'grid_n' in methods[0]", with("method = p1, data { sampler = grid, grid_n = 4 }",
                "method = l2_projection, data { sampler = uniform, points = 50 }"));
        spec("l2_projection on grid data", 5, "method l2_projection cannot use sampler = grid", with("method = p1,",
                "method = l2_projection, grid_n = 4,"));

        // dimensions
        spec("seed2d in 3-D", 2, "supports only dim = 2, got dim = 3", with("name = seed2d }", "name = seed2d, dim = 3 }"));
        spec("any-d target without dim", 2, "give dim = ...", with("name = seed2d }", "name = gaussian }"));
        spec("zero dim", 2, "targets[0].dim must be >= 1, got 0", with("name = seed2d }", "name = gaussian, dim = 0 }"));
        spec("dim beyond the registry", 2, "supports dim in 1..64, got dim = 65", with("name = seed2d }", "name = gaussian, dim = 65 }"));

        // repeated values: each would write the same trial_id twice
        spec("repeated init seed", 9, "methods[1].init_seeds repeats a value", with("init_seeds = [0]", "init_seeds = [0, 0]"));
        spec("repeated grid_n", 5, "methods[0].data.grid_n repeats a value", with("grid_n = 4 }", "grid_n = [8, 8] }"));
        spec("repeated epochs", 9, "methods[1].epochs repeats a value", with("epochs = 2", "epochs = [2, 2]"));
        spec("one lr written twice", 8, "methods[1].lr repeats a value", with("lr = 1e-3", "lr = [1e-3, 0.001]"));
        spec("repeated dim", 2, "targets[0].dim repeats a value", with("name = seed2d }", "name = gaussian, dim = [2, 2] }"));
        spec("repeated target", 2, "target seed2d in d = 2 appears twice", with("[ { name = seed2d } ]", "[ { name = seed2d }, { name = seed2d } ]"));
        spec("two identical method blocks", 6, "methods[1] repeats trials of methods[0]",
                with("  { method = relu_net", "  { method = p1, data { sampler = grid, grid_n = 4 } }\n  { method = relu_net"));
        spec("overlapping grid axes", 6, "methods[1] repeats trials of methods[0] (both hold method = p1, grid_n = 8)",
                with("  { method = relu_net", "  { method = p1, data { sampler = grid, grid_n = [8, 16] } }\n  { method = relu_net")
                        .replace("grid_n = 4 }", "grid_n = [4, 8] }"));
        spec("blocks differing only in keep_weights", 10, "methods[2] repeats trials of methods[1]",
                with("\n]", "\n  { method = relu_net, data { sampler = grid, grid_n = 5 }, width = 3, epochs = 2, keep_weights = true }\n]"));
        spec("two batch sizes that both mean full batch", 8, "methods[1].batch_size = [0, 100]: 0 and 100 both train on all 25 points",
                with("batch_size = 0", "batch_size = [0, 100]"));

        // formula targets (issue 16): the token, its column in the formula, the file line
        String seed = "{ name = seed2d }";
        String sq = "box = [[0, 1], [0, 1]] }";
        spec("formula: unknown name", 2, "targets[0].formula \"x + foo\": unknown name 'foo' at column 5; the names are"
                + " x1..x2 (or x, y), pi, e",
                with(seed, "{ name = f, formula = \"x + foo\", " + sq));
        spec("formula: unknown function", 2, "unknown function 'foo' at column 5; the functions are sin cos",
                with(seed, "{ name = f, formula = \"x + foo(y)\", " + sq));
        spec("formula: a method call", 2, "unexpected character '.' at column 5: a formula has no methods or fields",
                with(seed, "{ name = f, formula = \"Math.sin(x)\", " + sq));
        spec("formula: a statement", 2, "unexpected character ';' at column 2",
                with(seed, "{ name = f, formula = \"x; y\", " + sq));
        spec("formula: variable beyond d", 2, "variable 'x3' at column 6 is beyond the box's 2 dimensions; the names are"
                + " x1..x2 (or x, y), pi, e", with(seed, "{ name = f, formula = \"x1 + x3\", " + sq));
        spec("formula: z in 2-D", 2, "variable 'z' at column 5 is beyond the box's 2 dimensions",
                with(seed, "{ name = f, formula = \"x + z\", " + sq));
        spec("formula: x in 4-D", 2, "variable 'x' at column 1 stands for an axis only in d <= 3; in d = 4 write x1..x4",
                with(seed, "{ name = f, formula = \"x + x2\", box = [[0, 1], [0, 1], [0, 1], [0, 1]] }"));
        spec("formula: x0", 2, "unknown name 'x0' at column 1",
                with(seed, "{ name = f, formula = \"x0 * 2\", " + sq));
        spec("formula: unclosed call", 2, "the '(' of sin at column 4 is never closed",
                with(seed, "{ name = f, formula = \"sin(x\", " + sq));
        spec("formula: unclosed parenthesis", 2, "the '(' at column 3 is never closed",
                with(seed, "{ name = f, formula = \"2*(x + y\", " + sq));
        spec("formula: extra parenthesis", 2, "targets[0].formula \"x)\": unexpected ')' at column 2",
                with(seed, "{ name = f, formula = \"x)\", " + sq));
        spec("formula: missing operand", 2, "the formula ends at column 4 where a number, variable, function or '('"
                + " should follow", with(seed, "{ name = f, formula = \"x +\", " + sq));
        spec("formula: two operators", 2, "unexpected '*' at column 4 where a number, variable, function or '(' should be",
                with(seed, "{ name = f, formula = \"x +* y\", " + sq));
        spec("formula: implicit multiplication", 2, "unexpected 'x' at column 2 (write * to multiply)",
                with(seed, "{ name = f, formula = \"2x\", " + sq));
        spec("formula: empty", 2, "targets[0].formula \"  \": the formula is empty",
                with(seed, "{ name = f, formula = \"  \", " + sq));
        spec("formula: single equals", 2, "unexpected character '=' at column 3: compare with ==",
                with(seed, "{ name = f, formula = \"if(x = 1, 0, 1)\", " + sq).replace("if(x = 1, 0, 1)", "x = 1"));
        spec("formula: single ampersand", 2, "unexpected character '&' at column 10: write && for and",
                with(seed, "{ name = f, formula = \"if(x > 0 & y > 0, 1, 0)\", " + sq));
        spec("formula: a string", 2, "unexpected character ''' at column 5",
                with(seed, "{ name = f, formula = \"x + 'a'\", " + sq));
        spec("formula: a condition as the value", 2, "the formula is a condition, not a number: write if(condition, a, b)",
                with(seed, "{ name = f, formula = \"x < 0.5\", " + sq));
        spec("formula: arithmetic on a condition", 2, "'*' at column 11 needs numbers, but its left operand is a condition",
                with(seed, "{ name = f, formula = \"(x < 0.5) * 2\", " + sq));
        spec("formula: chained comparison", 2, "'<' at column 10 chains a comparison: write a < b && b < c",
                with(seed, "{ name = f, formula = \"if(0 < x < 1, 1, 0)\", " + sq));
        spec("formula: number as a condition", 2, "argument 1 of if at column 1 must be a condition, e.g. x < 0.5, got a number",
                with(seed, "{ name = f, formula = \"if(x, 1, 0)\", " + sq));
        spec("formula: condition as an argument", 2, "argument 1 of sin at column 1 must be a number, got a condition",
                with(seed, "{ name = f, formula = \"sin(x > 0)\", " + sq));
        spec("formula: not on a number", 2, "'!' at column 4 negates a condition, but its operand is a number",
                with(seed, "{ name = f, formula = \"if(!x, 1, 0)\", " + sq));
        spec("formula: and on numbers", 2, "'&&' at column 6 joins conditions, but its left operand is a number",
                with(seed, "{ name = f, formula = \"if(x && y > 0, 1, 0)\", " + sq));
        spec("formula: wrong arity", 2, "atan2 at column 1 takes 2 arguments, got 1",
                with(seed, "{ name = f, formula = \"atan2(x)\", " + sq));
        spec("formula: max of one", 2, "max at column 1 takes 2 or more arguments, got 1",
                with(seed, "{ name = f, formula = \"max(x)\", " + sq));
        spec("formula: function without parentheses", 2, "'sin' at column 1 is a function: write sin(...)",
                with(seed, "{ name = f, formula = \"sin + x\", " + sq));
        spec("formula: variable called", 2, "'x' at column 1 is not a function (write * to multiply)",
                with(seed, "{ name = f, formula = \"x(2)\", " + sq));
        spec("formula: malformed exponent", 2, "malformed number '1e' at column 1: the exponent has no digits",
                with(seed, "{ name = f, formula = \"1e + x\", " + sq));
        spec("formula: two decimal points", 2, "malformed number '1.2.' at column 1",
                with(seed, "{ name = f, formula = \"1.2.3 * x\", " + sq));
        spec("formula: number beyond double", 2, "number '1e999' at column 1 is too large for a double",
                with(seed, "{ name = f, formula = \"1e999 * x\", " + sq));
        spec("formula: nested too deep", 2, "the formula nests deeper than 100 levels",
                with(seed, "{ name = f, formula = \"" + "(".repeat(150) + "x" + ")".repeat(150) + "\", " + sq));
        spec("formula: infinite at a corner", 2, "targets[0].formula is not finite at [0.0, 0.0]: -Infinity",
                with(seed, "{ name = f, formula = \"log(x) + y\", " + sq));
        spec("formula: pole at a corner", 2, "targets[0].formula is not finite at [0.0, 0.0]: Infinity",
                with(seed, "{ name = f, formula = \"1 / (x + y)\", " + sq));
        spec("formula: NaN inside", 2, "targets[0].formula is not finite at [0.5, 0.5]: NaN",
                with(seed, "{ name = f, formula = \"sqrt(x - 0.75)\", " + sq));
        spec("formula: not a string", 2, "targets[0].formula must be a string, got number 3",
                with(seed, "{ name = f, formula = 3, " + sq));
        spec("formula: missing name", 2, "missing key 'name' in targets[0]",
                with(seed, "{ formula = \"x\", " + sq));
        spec("formula: name with a space", 2, "targets[0].name must match [A-Za-z0-9_-]{1,64}, got 'my bump'",
                with(seed, "{ name = \"my bump\", formula = \"x\", " + sq));
        spec("formula: a registered target's name", 2, "targets[0].name = 'seed2d', a registered target; give your"
                + " function another name", with(seed, "{ name = seed2d, formula = \"x\", " + sq));
        spec("formula: dim beside a box", 2, "unknown key 'dim' in targets[0]; allowed: box, formula, name",
                with(seed, "{ name = f, formula = \"x\", dim = 2, " + sq));
        spec("formula: two definitions of one name", 2, "target f in d = 2 appears twice",
                with(seed, "{ name = f, formula = \"x\", " + sq + ", { name = f, formula = \"y\", " + sq));
        spec("formula and class at once", 2, "targets[0] gives both formula and class",
                with(seed, "{ name = f, formula = \"x\", class = \"com.example.Ripple\", " + sq));

        // boxes
        spec("box: missing", 2, "missing key 'box' in targets[0]", with(seed, "{ name = f, formula = \"x\" }"));
        spec("box: a number", 2, "targets[0].box must be a list of [lower, upper] rows, one per dimension, got number 1",
                with(seed, "{ name = f, formula = \"x\", box = 1 }"));
        spec("box: empty", 2, "targets[0].box must be a list of [lower, upper] rows, one per dimension, got list []",
                with(seed, "{ name = f, formula = \"x\", box = [] }"));
        spec("box: a flat list", 2, "targets[0].box[0] must be [lower, upper], two numbers, got number 0",
                with(seed, "{ name = f, formula = \"x\", box = [0, 1] }"));
        spec("box: three bounds", 2, "targets[0].box[0] must be [lower, upper], two numbers, got list [0,1,2]",
                with(seed, "{ name = f, formula = \"x\", box = [[0, 1, 2]] }"));
        spec("box: a word for a bound", 2, "targets[0].box[0] must be [lower, upper], two numbers, got list [0,\"one\"]",
                with(seed, "{ name = f, formula = \"x\", box = [[0, one]] }"));
        spec("box: upper below lower", 3, "targets[0].box[1] needs lower < upper, got [1.0, 0.0]",
                with(seed, "{ name = f, formula = \"x\", box = [[0, 1],\n  [1, 0]] }"));
        spec("box: zero width", 2, "targets[0].box[0] needs lower < upper, got [0.5, 0.5]",
                with(seed, "{ name = f, formula = \"x\", box = [[0.5, 0.5]] }"));
        spec("box: infinite bound", 2, "targets[0].box[0] must have finite bounds, got [0.0, Infinity]",
                with(seed, "{ name = f, formula = \"x\", box = [[0, 1e999]] }"));
        spec("box: 65 rows", 2, "targets[0].box has 65 rows; a target has at most 64 dimensions",
                with(seed, "{ name = f, formula = \"x1\", box = [" + "[0, 1], ".repeat(64) + "[0, 1]] }"));

        // your own class: the test classpath holds org.relufem.target.BadTargets
        String bad = "org.relufem.target.BadTargets$";
        spec("class: not on the classpath", 2, "targets[0].class: class com.example.Nope is not on the classpath (locally,"
                + " add its jar to RELUFEM_CLASSPATH; on a cluster, pass it with --jars)",
                with(seed, "{ class = \"com.example.Nope\", dim = 2 }"));
        spec("class: not a Target", 2, "class java.lang.String does not implement org.relufem.target.Target",
                with(seed, "{ class = \"java.lang.String\", dim = 2 }"));
        spec("class: not a class name", 2, "'my target' is not a Java class name, e.g. com.example.MyTarget",
                with(seed, "{ class = \"my target\", dim = 2 }"));
        spec("class: not a string", 2, "targets[0].class must be a string, got number 3", with(seed, "{ class = 3, dim = 2 }"));
        spec("class: the interface itself", 2, "class org.relufem.target.Target is abstract; give a concrete class",
                with(seed, "{ class = \"org.relufem.target.Target\", dim = 2 }"));
        spec("class: abstract", 2, "class " + bad + "Base is abstract", with(seed, "{ class = \"" + bad + "Base\", dim = 2 }"));
        spec("class: not public", 2, "class " + bad + "Hidden must be public", with(seed, "{ class = \"" + bad + "Hidden\" }"));
        spec("class: no usable constructor", 2, "class " + bad + "NoConstructor has neither a public (int dim) nor a public"
                + " no-argument constructor", with(seed, "{ class = \"" + bad + "NoConstructor\", dim = 2 }"));
        spec("class: throwing constructor", 2, "targets[0].class: the constructor of class " + bad + "Throwing in dim = 2"
                + " threw IllegalStateException: no licence for dim = 2", with(seed, "{ class = \"" + bad + "Throwing\", dim = 2 }"));
        spec("class: wrong dim", 3, "targets[0].class: class " + bad + "WrongDim in dim = 3 gives a box of dimension 2",
                with(seed, "{ class = \"" + bad + "WrongDim\"\n  dim = [2, 3] }"));
        spec("class: dim of a fixed class", 2, "class " + bad + "Fixed in dim = 3 gives a box of dimension 2",
                with(seed, "{ class = \"" + bad + "Fixed\", dim = 3 }"));
        spec("class: dimension not given", 2, "class " + bad + "WrongDim takes its dimension (a public (int dim)"
                + " constructor): give dim = ...", with(seed, "{ class = \"" + bad + "WrongDim\" }"));
        spec("class: zero dim", 2, "targets[0].dim must be >= 1, got 0", with(seed, "{ class = \"" + bad + "Pole\", dim = 0 }"));
        spec("class: infinite value", 2, "targets[0].class: class " + bad + "Pole is not finite at [0.0, 0.0]: Infinity",
                with(seed, "{ class = \"" + bad + "Pole\", dim = 2 }"));
        spec("class: not deterministic", 2, "class " + bad + "Noisy is not deterministic",
                with(seed, "{ class = \"" + bad + "Noisy\", dim = 2 }"));
        spec("class: value throws", 2, "class " + bad + "Broken throws UnsupportedOperationException at [0.5, 0.5]: not"
                + " written yet", with(seed, "{ class = \"" + bad + "Broken\", dim = 2 }"));
        spec("class: no box", 2, "domain() of class " + bad + "Boxless returned null",
                with(seed, "{ class = \"" + bad + "Boxless\", dim = 2 }"));
        spec("class: names itself badly", 2, "class " + bad + "Spaced names itself 'my target', not [A-Za-z0-9_-]{1,64}:"
                + " give name = ...", with(seed, "{ class = \"" + bad + "Spaced\", dim = 2 }"));
        spec("class: names itself after a registered target", 2, "class " + bad + "Impostor names itself 'gaussian', a"
                + " registered target", with(seed, "{ class = \"" + bad + "Impostor\", dim = 2 }"));
        spec("class: a box key", 2, "unknown key 'box' in targets[0]; allowed: class, dim, name",
                with(seed, "{ class = \"" + bad + "Fixed\", box = [[0, 1]] }"));

        // data files (issue 16, part 3); the files are under src/test/resources/data
        String dataDir = "src/test/resources/data/";
        String plate = "{ name = d, data = \"" + dataDir + "ok.csv\", inputs = [x, y], output = w }";
        String file = "data { sampler = file }";
        String onData = OK.replace(seed, plate).replace("{ method = p1, data { sampler = grid, grid_n = 4 } }",
                "{ method = p1_scattered, data { sampler = file } }").replace("data { sampler = grid, grid_n = 5 }", file);
        spec("data: no such file", 2, "targets[0].data: cannot read data file " + dataDir + "nope.csv: no such file",
                onData.replace("ok.csv", "nope.csv"));
        spec("data: no such Parquet file", 2, "targets[0].data: cannot read data file beam.parquet: java.io.FileNotFoundException",
                onData.replace(dataDir + "ok.csv", "beam.parquet"));
        spec("data: a CSV URI", 2, "data = \"hdfs://cluster/beam.csv\": CSV files are read from local paths; give a"
                + " Parquet file for a URI", onData.replace(dataDir + "ok.csv", "hdfs://cluster/beam.csv"));
        spec("data: an empty file", 2, "data file " + dataDir + "empty.csv is empty: give a header row naming the columns",
                onData.replace("ok.csv", "empty.csv"));
        spec("data: a missing column", 2, "data file " + dataDir + "ok.csv has no column 'q'; its columns are x, y, w",
                onData.replace("inputs = [x, y]", "inputs = [x, q]"));
        spec("data: NaN", 2, "line 8 of " + dataDir + "nan.csv, column 'w': NaN is not finite", onData.replace("ok.csv", "nan.csv"));
        spec("data: a word", 2, "line 5 of " + dataDir + "word.csv, column 'y': 'abc' is not a number",
                onData.replace("ok.csv", "word.csv"));
        spec("data: a short row", 2, "line 10 of " + dataDir + "ragged.csv has 2 cells; the header has 3",
                onData.replace("ok.csv", "ragged.csv"));
        spec("data: one input, two outputs", 2, "lines 4 and 13 of " + dataDir + "dup.csv have the same x, y but w = ",
                onData.replace("ok.csv", "dup.csv"));
        spec("data: too few rows", 2, dataDir + "few.csv has 15 rows; test_fraction = 0.2 leaves 12 training and 3 test"
                + " rows, and a data target needs at least 10 of each", onData.replace("ok.csv", "few.csv"));
        spec("data: an input of one value", 2, "an input of " + dataDir + "flat.csv takes one value only, so its rows span"
                + " no box: give targets[0].box", onData.replace("ok.csv", "flat.csv"));
        spec("data: a row outside the box", 2, "data row 3 of " + dataDir + "ok.csv lies outside targets[0].box",
                onData.replace("output = w }", "output = w, box = [[0, 0.5], [0, 1]] }"));
        spec("data: a box of another dimension", 2, "targets[0].box has 1 row but targets[0].inputs names 2 columns",
                onData.replace("output = w }", "output = w, box = [[0, 1]] }"));
        spec("data: output among the inputs", 2, "targets[0].output = x is also one of targets[0].inputs",
                onData.replace("output = w", "output = x"));
        spec("data: no inputs", 2, "targets[0].inputs is an empty axis", onData.replace("inputs = [x, y]", "inputs = []"));
        spec("data: test_fraction 1", 2, "targets[0].test_fraction must be in (0, 1), got 1.0",
                onData.replace("output = w }", "output = w, test_fraction = 1 }"));
        spec("data: test_fraction a word", 2, "targets[0].test_fraction must be a number, got string \"most\"",
                onData.replace("output = w }", "output = w, test_fraction = most }"));
        spec("data: negative split_seed", 2, "targets[0].split_seed must be >= 0, got -1",
                onData.replace("output = w }", "output = w, split_seed = -1 }"));
        spec("data: a dim key", 2, "unknown key 'dim' in targets[0]; allowed: box, data, inputs, name, output, split_seed,"
                + " test_fraction", onData.replace("output = w }", "output = w, dim = 2 }"));
        spec("data and formula at once", 2, "targets[0] gives both formula and data",
                onData.replace("output = w }", "output = w, formula = \"x\" }"));
        String p1 = "{ method = p1, data { sampler = grid, grid_n = 4 } }";
        String onGrid = onData.replace("{ method = p1_scattered, data { sampler = file } }", p1);
        spec("data: a grid method", 5, "methods[0].data.sampler = grid on data target d: " + dataDir + "ok.csv is not a"
                + " tensor grid: column 'x' takes 60, column 'y' takes 60 distinct values", onGrid);
        spec("data: a grid method on an uneven grid", 5, "methods[0].data.sampler = grid on data target d: column 'x' of "
                + dataDir + "uneven.csv is not equispaced", onGrid.replace("ok.csv", "uneven.csv"));
        spec("data: grid_n not nested in a grid file", 5, "methods[0].data.grid_n = 4 on data target d: " + dataDir
                + "grid.csv is a grid of 9 nodes per axis whose held-out rows lie off its grid of every other node (5 per"
                + " axis); grid_n must give a grid nested in that one, n - 1 dividing 4: 2, 3, 5", onGrid.replace("ok.csv", "grid.csv"));
        spec("data: a grid file holding out too many rows", 2, "targets[0].test_fraction = 0.75 holds out 61 rows, but "
                + dataDir + "grid.csv is a grid of 9 nodes per axis whose held-out rows lie off its grid of every other"
                + " node: at most 56 of its 81 rows", onGrid.replace("ok.csv", "grid.csv").replace("output = w }",
                "output = w, test_fraction = 0.75 }"));
        spec("data: uniform points", 7, "target d is the data of " + dataDir + "ok.csv and has values only at its rows, but"
                + " methods[1].data.sampler = uniform needs them elsewhere", onData.replace("    " + file, "    data { sampler = uniform, points = 20 }"));
        spec("data: file on a formula target", 5, "methods[0].data.sampler = file takes the training rows of a data target,"
                + " but target f is not one", onData.replace(plate, "{ name = f, formula = \"x\", " + sq));
        spec("data: more points than rows", 7, "methods[1].data.points = 100 but target d has 48 training rows",
                onData.replace("    " + file, "    data { sampler = file, points = [10, 100] }"));
        spec("data: seeds without points", 7, "methods[1].data.seeds draws subsamples of the training rows: give"
                + " methods[1].data.points too", onData.replace("    " + file, "    data { sampler = file, seeds = [1] }"));
        spec("data: two test seeds", 3, "test.seeds = [0, 1] but target d's test set is its held-out rows, fixed by its"
                + " split_seed: give one test seed", onData.replace("seeds = [0] }", "seeds = [0, 1] }"));

        // arguments
        args("run: unknown option", Out.ABSENT, "Unknown option: '--nonsense'", "run", "{spec}", "--out", "{out}", "--nonsense");
        args("plan: unknown option", Out.ABSENT, "Unknown options: '--out'", "plan", "{spec}", "--out", "{out}");
        args("query: unknown option", Out.TABLE, "Unknown options: '--sweep'", "query", "--out", "{out}", "--sweep", "x", "SELECT 1");
        args("unknown command", Out.ABSENT, "'frobnicate'", "frobnicate", "{spec}");
        args("no command", Out.ABSENT, "name a command: run, plan, query, report or verify");
        args("run: --chunk-seconds 0", Out.ABSENT, "--chunk-seconds must be > 0, got 0.0", "run", "{spec}", "--out", "{out}", "--chunk-seconds", "0");
        args("run: --trial-budget negative", Out.TABLE, "--trial-budget must be > 0 seconds, got -1.0", "run", "{spec}", "--out", "{out}", "--trial-budget", "-1");
        args("run: --trial-budget not a number", Out.ABSENT, "'--trial-budget': 'soon' is not a double", "run", "{spec}", "--out", "{out}", "--trial-budget", "soon");
        args("report: no table", Out.ABSENT, "no relufem results under", "report", "--out", "{out}");
        args("report: --master nonsense", Out.TABLE, "'--master': 'nonsense' is not a Spark master URL", "report", "--out", "{out}", "--master", "nonsense");
        args("run: --out without a value", Out.ABSENT, "Missing required parameter for option '--out'", "run", "{spec}", "--out");
        args("run: --out followed by an option", Out.ABSENT, "'--out'", "run", "{spec}", "--out", "--master", "local[1]");
        args("run: --master without a value", Out.ABSENT, "Missing required parameter for option '--master'", "run", "{spec}", "--out", "{out}", "--master");
        args("run: two specs", Out.ABSENT, "Unmatched argument", "run", "{spec}", "{spec}", "--out", "{out}");
        args("plan: no spec", Out.ABSENT, "Missing required parameter: 'SPEC'", "plan");
        args("plan: --cores without a value", Out.ABSENT, "Missing required parameter for option '--cores'", "plan", "{spec}", "--cores");
        args("plan: --cores not a number", Out.ABSENT, "'--cores': 'many' is not an int", "plan", "{spec}", "--cores", "many");
        args("plan: zero cores", Out.ABSENT, "--cores must be >= 1, got 0", "plan", "{spec}", "--cores", "0");
        args("plan: negative cores", Out.ABSENT, "--cores must be >= 1, got -2", "plan", "{spec}", "--cores", "-2");
        args("run: --master nonsense", Out.ABSENT, "'--master': 'nonsense' is not a Spark master URL", "run", "{spec}", "--out", "{out}", "--master", "nonsense");
        args("run: --master empty", Out.ABSENT, "'--master': '' is not a Spark master URL", "run", "{spec}", "--out", "{out}", "--master", "");
        args("run: --master local[0]", Out.TABLE, "'--master': 'local[0]' is not a Spark master URL", "run", "{spec}", "--out", "{out}", "--master", "local[0]");
        args("run: --master unclosed bracket", Out.ABSENT, "'--master': 'local[2' is not a Spark master URL", "run", "{spec}", "--out", "{out}", "--master", "local[2");
        args("query: --master nonsense", Out.TABLE, "'--master': 'nonsense' is not a Spark master URL", "query", "--out", "{out}", "--master", "nonsense", "SELECT 1");

        // output directories
        args("run: --out is a file", Out.FILE, "is a file, not a directory", "run", "{spec}", "--out", "{out}");
        args("run: --out is a foreign directory", Out.FOREIGN, "holds no relufem table", "run", "{spec}", "--out", "{out}");
        args("run: --out empty", Out.ABSENT, "--out is empty", "run", "{spec}", "--out", "");
        args("query: --out empty", Out.ABSENT, "--out is empty", "query", "--out", "", "SELECT 1");
        spec("bad spec into an existing table", 8, "methods[1].width must be >= 1", Out.TABLE, with("width = 3", "width = 0"));
        spec("bad spec into a foreign directory", 8, "methods[1].width must be >= 1", Out.FOREIGN, with("width = 3", "width = 0"));
        args("query: unknown format", Out.TABLE, "Invalid value for option '--format': unknown format 'xml'; use table, csv or json", "query", "--out", "{out}", "--format", "xml", "SELECT 1");
        args("query: --format without a value", Out.TABLE, "'--format'", "query", "--out", "{out}", "SELECT 1", "--format");
        args("query: no SQL", Out.TABLE, "Missing required parameter: 'SQL'", "query", "--out", "{out}");
        args("query: missing table", Out.ABSENT, "no relufem results under", "query", "--out", "{out}", "SELECT 1");
        args("query: --out is a file", Out.FILE, "no relufem results under", "query", "--out", "{out}", "SELECT 1");
        args("query: --out is a foreign directory", Out.FOREIGN, "no relufem results under", "query", "--out", "{out}", "SELECT 1");
    }

    static Stream<Case> cases() {
        return CASES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exitsTwoWithOneLineNamingTheProblemAndWritesNothing(Case c) throws IOException {
        Path spec = dir.resolve(c.slug() + ".conf");
        switch (c.spec()) {
            case MISSING -> { }
            case DIRECTORY -> Files.createDirectories(spec);
            case UNREADABLE -> {
                Files.writeString(spec, OK);
                assumeFalse(spec.toFile().setReadable(false, false) && Files.isReadable(spec),
                        "running as root: every file is readable");
            }
            default -> Files.writeString(spec, c.spec());
        }
        Path out = dir.resolve("out").resolve(c.slug());
        prepare(out, c.out());
        Map<String, String> before = snapshot(out);

        String[] args = c.args().stream()
                .map(a -> a.replace("{spec}", spec.toString()).replace("{out}", out.toString()))
                .toArray(String[]::new);
        CliTest.Result r = CliTest.main(args);

        String what = c.name() + ": " + r.err();
        assertEquals(2, r.code(), what);
        assertTrue(r.err().startsWith("relufem: "), what);
        assertTrue(r.err().endsWith("\n") && r.err().indexOf('\n') == r.err().length() - 1,
                "one line, no stack trace or usage: " + what);
        assertTrue(r.err().contains(c.expected()), "should contain '" + c.expected() + "': " + what);
        if (c.line() > 0) {
            String at = c.slug() + ".conf: " + c.line() + ": ";
            assertTrue(r.err().contains(at), "should name the line as '" + at + "': " + what);
        }
        assertEquals("", r.out(), c.name() + ": stdout");
        assertEquals(before, snapshot(out), c.name() + ": --out " + c.out() + " must be untouched");
    }

    /** Puts what {@code out} says at {@code path}: nothing, a relufem table, someone's directory, or a file. */
    static void prepare(Path path, Out out) throws IOException {
        switch (out) {
            case ABSENT -> { }
            case TABLE -> {
                Files.createDirectories(path.resolve("sweep=old"));
                Files.write(path.resolve("sweep=old/part-00000-c0ffee.c000.snappy.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 1, 2, 'P', 'A', 'R', '1'});
                Files.writeString(path.resolve("_SUCCESS"), "");
            }
            case FOREIGN -> {
                Files.createDirectories(path.resolve("photos"));
                Files.writeString(path.resolve("notes.md"), "mine, not relufem's\n");
                Files.writeString(path.resolve("photos/cat.txt"), "=^.^=");
            }
            case FILE -> {
                Files.createDirectories(path.getParent());
                Files.writeString(path, "not a table\n");
            }
        }
    }

    /** Every path under {@code root} (relative, directories marked with a slash) with its bytes; empty if absent. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        if (Files.isRegularFile(root)) {
            files.put("", new String(Files.readAllBytes(root), StandardCharsets.ISO_8859_1));
            return files;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String name = root.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    files.put(name + "/", "");
                } else {
                    files.put(name, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }
}
