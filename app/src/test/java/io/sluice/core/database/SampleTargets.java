package io.sluice.core.database;

import io.sluice.testing.TestDatabases;
import io.sluice.testing.TestDatabases.Database;
import io.sluice.testing.TestDatabases.Engine;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** One fresh database per engine with the sample schema installed, for a test class to share. */
final class SampleTargets {

    private final Map<Engine, Database> databases = new EnumMap<>(Engine.class);

    SampleTargets() {
        for (Engine engine : Engine.values()) {
            Database db = engine.fresh();
            SampleSchema.install(db.url(), db.user(), db.password());
            databases.put(engine, db);
        }
    }

    Database database(Engine engine) {
        return databases.get(engine);
    }

    TargetDatabase open(Engine engine) {
        Database db = databases.get(engine);
        return TargetDatabase.open(db.url(), db.user(), db.password());
    }

    /** An unquoted identifier as the engine stores it: H2 upper-cases, PostgreSQL lower-cases. */
    static String stored(Engine engine, String name) {
        return engine == Engine.H2 ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }
}
