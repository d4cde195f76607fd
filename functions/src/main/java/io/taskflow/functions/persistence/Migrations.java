package io.taskflow.functions.persistence;

/** Where the Flyway migrations live: portable SQL plus one folder per database for what differs. */
public final class Migrations {
    /** What taskflow-defaults.yml names: for PostgreSQL. */
    public static final String POSTGRESQL = "classpath:db/migration/common,classpath:db/migration/postgresql";
    /** For H2 in PostgreSQL mode, the embedded mode's database. */
    public static final String H2 = "classpath:db/migration/common,classpath:db/migration/h2";

    private Migrations() {}
}
