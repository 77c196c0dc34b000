package io.sluice.cli;

import io.sluice.core.validate.GateResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a measured quality gate is shown in JSON output: the same fields as the validation report's "gates". */
final class GateJson {

    private GateJson() {
    }

    static Map<String, Object> of(GateResult g) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("metric", g.metric());
        json.put("unit", g.unit());
        if (g.min() != null) {
            json.put("min", g.min());
        }
        if (g.max() != null) {
            json.put("max", g.max());
        }
        json.put("action", g.action());
        if (g.measured() != null) {
            json.put("measured", g.measured());
        }
        json.put("status", g.status().code());
        return json;
    }

    static List<Map<String, Object>> all(List<GateResult> gates) {
        return gates.stream().map(GateJson::of).toList();
    }
}
