package io.sluice.cli;

import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.rules.RuleInfo;
import io.sluice.core.usecase.RulesInForce;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sluice rules --profile P}: every rule that will run for the profile against its target table. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List every rule that will run for a profile against its target table, without reading a "
                + "file: those derived from the table (required, type, length, precision, unique keys, foreign "
                + "keys, each CHECK by name; read-only) and those written in the profile (editable).",
                "Exit codes: 0 = listed, 2 = usage error, unreadable profile or a broken rule (named), "
                        + "3 = target database problem."})
final class RulesCommand implements Callable<Integer> {

    @Option(names = "--profile", required = true, paramLabel = "PROFILE.json", description = "Mapping profile.")
    Path profilePath;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format.")
    OutputFormat format;

    @Mixin
    TargetOptionsMixin target;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var profile = ProfileIO.read(profilePath);
        PrintWriter out = spec.commandLine().getOut();
        try (TargetDatabase db = target.open()) {
            RulesInForce.Listing listing = RulesInForce.list(profile, db);
            if (format == OutputFormat.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("profile", listing.profileName());
                json.put("table", listing.table());
                json.put("rules", listing.rules().stream().map(RulesCommand::json).toList());
                out.println(Json.write(json));
            } else {
                out.printf("%d rules run for profile '%s' against %s:%n%n", listing.rules().size(),
                        listing.profileName(), listing.table());
                TextTable table = new TextTable("RULE", "KIND", "COLUMNS", "SEVERITY", "ORIGIN", "CHECKS");
                for (RuleInfo r : listing.rules()) {
                    table.add(r.id(), r.kind(), String.join(", ", r.columns()), r.severity().label(),
                            r.origin() == RuleInfo.Origin.TARGET ? "target" : "profile", r.description());
                }
                table.print(out);
                out.println();
                out.println("Rules from the target follow its constraints; change the profile's own in its \"rules\".");
            }
        }
        out.flush();
        return SluiceCommand.OK;
    }

    private static Map<String, Object> json(RuleInfo r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("kind", r.kind());
        json.put("columns", List.copyOf(r.columns()));
        json.put("severity", r.severity().label());
        json.put("description", r.description());
        json.put("origin", r.origin().code());
        json.put("editable", r.editable());
        if (r.profileIndex() >= 0) {
            json.put("profileIndex", r.profileIndex());
        }
        return json;
    }
}
