namespace Rampart.Tracking.Persistence;

/// <summary>
/// Database triggers that refuse UPDATE and DELETE on the audit table, so the log stays append-only even for someone
/// with SQL access through the application's connection. Applied by the Initial migration of each provider.
/// </summary>
public static class AuditAppendOnly
{
    public const string PostgreSqlUp = """
        CREATE OR REPLACE FUNCTION rampart_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit log is append-only: % on audit_log is not allowed', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END;
        $$;
        CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
            FOR EACH ROW EXECUTE FUNCTION rampart_audit_append_only();
        CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
            FOR EACH STATEMENT EXECUTE FUNCTION rampart_audit_append_only();
        """;

    public const string PostgreSqlDown = """
        DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log;
        DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
        DROP FUNCTION IF EXISTS rampart_audit_append_only();
        """;

    public const string SqliteUp = """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: UPDATE on audit_log is not allowed'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: DELETE on audit_log is not allowed'); END;
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS audit_log_no_update;
        DROP TRIGGER IF EXISTS audit_log_no_delete;
        """;
}
