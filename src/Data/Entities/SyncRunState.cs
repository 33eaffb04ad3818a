namespace Portal.Data.Entities;

public enum SyncRunState
{
    Running,
    Succeeded,
    Failed,
}
