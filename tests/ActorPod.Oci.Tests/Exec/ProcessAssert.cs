namespace ActorPod.Oci.Tests.Exec;

/// <summary>Gone means reaped: an unreaped conmon lingers as a zombie in /proc.</summary>
public static class ProcessAssert
{
    public static async Task GoneAsync(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (File.Exists(stat) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(File.Exists(stat), $"process {pid} still exists");
    }
}
