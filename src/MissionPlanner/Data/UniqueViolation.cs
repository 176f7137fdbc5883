using System.Data.Common;

namespace MissionPlanner.Data;

/// <summary>
/// A save refused by a unique index: two requests adding the same thing at once (the second loses the
/// race the checks before it could not see). PostgreSQL reports SQLSTATE 23505; SQLite
/// SQLITE_CONSTRAINT_UNIQUE ("UNIQUE constraint failed").
/// </summary>
public static class UniqueViolation
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException db && (db.SqlState == "23505" || db.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    public const string Message = "The same thing was just saved by someone else (an address or name that must be unique). Reload and check before trying again.";
}
