namespace Portal.Sync.Settings.SelfTest;

/// <summary>How a self-test check or a dry-run order came out; a warning does not stop anything but deserves a look.</summary>
public enum SelfTestOutcome
{
    Passed,
    Warning,
    Failed,
}
