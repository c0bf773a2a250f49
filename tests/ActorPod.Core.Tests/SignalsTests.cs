using ActorPod.Core.Decisions;

namespace ActorPod.Core.Tests;

public class SignalsTests
{
    [Theory]
    [InlineData("TERM", 15)]
    [InlineData("SIGTERM", 15)]
    [InlineData("sigterm", 15)]
    [InlineData("term", 15)]
    [InlineData("SigTerm", 15)]
    [InlineData("15", 15)]
    [InlineData("015", 15)]
    [InlineData(" SIGUSR1 ", 10)]
    [InlineData("KILL", 9)]
    [InlineData("SIGKILL", 9)]
    [InlineData("9", 9)]
    [InlineData("1", 1)]
    [InlineData("SIGHUP", 1)]
    [InlineData("SIGSTKFLT", 16)]
    [InlineData("WINCH", 28)]
    [InlineData("sigsys", 31)]
    [InlineData("31", 31)]
    [InlineData("34", 34)]
    [InlineData("64", 64)]
    [InlineData("RTMIN", 34)]
    [InlineData("SIGRTMIN", 34)]
    [InlineData("RTMAX", 64)]
    [InlineData("sigrtmax", 64)]
    [InlineData("RTMIN+1", 35)]
    [InlineData("sigrtmin+3", 37)]
    [InlineData("RTMIN+30", 64)]
    [InlineData("RTMAX-0", 64)]
    [InlineData("RTMAX-1", 63)]
    [InlineData("SIGRTMAX-30", 34)]
    public void Signal_is_parsed_by_name_or_number(string text, int expected)
    {
        Assert.True(Signals.TryParse(text, out var signal));
        Assert.Equal(expected, signal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("0")]
    [InlineData("32")]
    [InlineData("33")]
    [InlineData("65")]
    [InlineData("-1")]
    [InlineData("+9")]
    [InlineData("1.5")]
    [InlineData("9x")]
    [InlineData("99999999999")]
    [InlineData("SIG")]
    [InlineData("SIGFOO")]
    [InlineData("SIGSIGTERM")]
    [InlineData("SIG TERM")]
    [InlineData("RTMIN+")]
    [InlineData("RTMIN+31")]
    [InlineData("RTMIN-1")]
    [InlineData("RTMAX+1")]
    [InlineData("RTMAX-31")]
    [InlineData("RTMIN+-1")]
    public void Invalid_signal_is_not_parsed(string? text)
    {
        Assert.False(Signals.TryParse(text, out _));
    }

    [Theory]
    [InlineData(1, "SIGHUP")]
    [InlineData(9, "SIGKILL")]
    [InlineData(15, "SIGTERM")]
    [InlineData(19, "SIGSTOP")]
    [InlineData(31, "SIGSYS")]
    [InlineData(34, "34")]
    [InlineData(64, "64")]
    public void Signal_name_carries_the_sig_prefix_and_realtime_signals_are_numbers(int signal, string expected)
    {
        Assert.Equal(expected, Signals.NameOf(signal));
    }

    [Fact]
    public void Every_valid_signal_round_trips_through_its_name()
    {
        var valid = Enumerable.Range(1, 31).Concat(Enumerable.Range(34, 31)).ToList();

        Assert.Equal(62, valid.Count);
        Assert.All(valid, number =>
        {
            Assert.True(Signals.TryParse(Signals.NameOf(number), out var parsed), Signals.NameOf(number));
            Assert.Equal(number, parsed);
        });
    }

    [Fact]
    public void Standard_signal_names_are_distinct()
    {
        var names = Enumerable.Range(1, 31).Select(Signals.NameOf).ToList();

        Assert.Equal(31, names.Distinct().Count());
        Assert.All(names, name => Assert.StartsWith("SIG", name));
    }

    [Fact]
    public void Kill_and_term_constants_are_the_linux_numbers()
    {
        Assert.Equal(9, Signals.Kill);
        Assert.Equal(15, Signals.Term);
    }
}
