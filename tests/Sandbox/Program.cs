using System.Runtime.InteropServices;
using Portal.Fakes.Sandbox;

// Runs until Ctrl+C (or a service manager's SIGTERM); the data lives in memory and is gone when it stops.
using var stopping = new CancellationTokenSource();
void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    stopping.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

await using var sandbox = await DemoSandbox.StartAsync(SandboxPorts.Fixed);
Console.WriteLine(SandboxGuide.Describe(sandbox));
try
{
    await Task.Delay(Timeout.Infinite, stopping.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Sandbox stopped.");
}
