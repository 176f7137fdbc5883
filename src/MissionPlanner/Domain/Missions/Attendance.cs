namespace MissionPlanner.Domain.Missions;

/// <summary>Someone was present at a programme item: checked in by scanning their badge.</summary>
public sealed class Attendance
{
    private Attendance()
    {
    }

    public Attendance(Guid missionId, Guid programmeItemId, Guid registrationId, Guid checkedInBy, DateTime at)
    {
        MissionId = missionId;
        ProgrammeItemId = programmeItemId;
        RegistrationId = registrationId;
        CheckedInBy = checkedInBy;
        At = at;
    }

    public Guid MissionId { get; private set; }
    public Guid ProgrammeItemId { get; private set; }
    public Guid RegistrationId { get; private set; }
    public Guid CheckedInBy { get; private set; }
    public DateTime At { get; private set; }
}
