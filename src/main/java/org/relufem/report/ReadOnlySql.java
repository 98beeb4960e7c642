package org.relufem.report;

import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.relufem.BadInputException;

/**
 * Refuses SQL that could create, insert, drop or write anything, before Spark sees it: Spark runs
 * commands eagerly inside {@code spark.sql(...)}, so the check parses the statement with the
 * session's own parser and walks the plan. Queries pass; commands pass only when they are known to
 * just describe (DESCRIBE, SHOW, EXPLAIN).
 */
public final class ReadOnlySql {
    private static final Set<String> DESCRIBING_COMMANDS = Set.of("DescribeRelation", "DescribeColumn",
            "DescribeFunction", "ShowTables", "ShowViews", "ShowColumns", "ShowFunctions", "ShowNamespaces",
            "ExplainCommand");

    private ReadOnlySql() {
    }

    /**
     * @throws BadInputException naming the statement kind when {@code sql} is not read-only or does not parse
     */
    public static void check(SparkSession spark, String sql) {
        LogicalPlan plan;
        try {
            plan = ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().sqlParser().parsePlan(sql);
        } catch (ParseException e) {
            throw new BadInputException("SQL does not parse: " + e.getMessage());
        }
        scala.collection.Iterator<LogicalPlan> nodes = plan.collect(
                new scala.PartialFunction<LogicalPlan, LogicalPlan>() {
                    @Override
                    public boolean isDefinedAt(LogicalPlan node) {
                        return writes(node);
                    }

                    @Override
                    public LogicalPlan apply(LogicalPlan node) {
                        return node;
                    }
                }).iterator();
        if (nodes.hasNext()) {
            throw new BadInputException("query runs read-only SQL only; refused a statement that would run "
                    + nodes.next().nodeName());
        }
    }

    private static boolean writes(LogicalPlan node) {
        String name = node.getClass().getSimpleName();
        if (node instanceof Command) {
            return !DESCRIBING_COMMANDS.contains(name);
        }
        return name.startsWith("Insert") || name.startsWith("Create") || name.startsWith("Replace")
                || name.startsWith("Drop") || name.startsWith("Alter") || name.startsWith("Merge")
                || name.startsWith("Delete") || name.startsWith("Update") || name.startsWith("Overwrite");
    }
}
