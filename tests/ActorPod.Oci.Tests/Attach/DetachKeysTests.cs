using ActorPod.Core.Errors;
using ActorPod.Messages.Replies;
using ActorPod.Oci.Attach;

namespace ActorPod.Oci.Tests.Attach;

public sealed class DetachKeysTests
{
    [Theory]
    [InlineData("ctrl-p,ctrl-q", new byte[] { 16, 17 })]
    [InlineData("ctrl-a", new byte[] { 1 })]
    [InlineData("ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_", new byte[] { 0, 27, 28, 29, 30, 31 })]
    [InlineData("a,b,ctrl-z", new byte[] { 97, 98, 26 })]
    [InlineData("CTRL-P,q", new byte[] { 16, 113 })]
    public void Keys_parse_to_their_bytes(string spec, byte[] expected)
    {
        Assert.Equal(expected, DetachKeys.Parse(spec));
    }

    [Theory]
    [InlineData("ctrl-1", "ctrl-1")]
    [InlineData("ctrl-", "ctrl-")]
    [InlineData("ctrl-p,,ctrl-q", "")]
    [InlineData("ctrl-p,xy", "xy")]
    public void Bad_keys_are_rejected_by_name(string spec, string bad)
    {
        var e = Assert.Throws<ActorPodException>(() => DetachKeys.Parse(spec));

        Assert.Equal(ErrorKind.InvalidArgument, e.Error.Kind);
        Assert.StartsWith($"invalid detach key \"{bad}\" in \"{spec}\":", e.Message);
    }

    [Fact]
    public void Empty_spec_is_rejected()
    {
        var e = Assert.Throws<ActorPodException>(() => DetachKeys.Parse(""));

        Assert.Equal(ErrorKind.InvalidArgument, e.Error.Kind);
    }

    [Fact]
    public void Matcher_holds_back_a_prefix_and_detects_the_sequence()
    {
        var matcher = new DetachKeyMatcher([16, 17]);

        Assert.Equal("ab"u8.ToArray(), matcher.Feed("ab\x10"u8));
        Assert.Equal([16], matcher.Pending());
        Assert.False(matcher.Detached);

        Assert.Empty(matcher.Feed([17, (byte)'z']));
        Assert.True(matcher.Detached);
    }

    [Fact]
    public void Matcher_flushes_a_broken_prefix()
    {
        var matcher = new DetachKeyMatcher([16, 17]);

        Assert.Equal(new byte[] { 16, (byte)'x' }, matcher.Feed([16, (byte)'x']));
        Assert.False(matcher.Detached);
        Assert.Empty(matcher.Pending());
    }

    [Fact]
    public void Matcher_finds_a_sequence_that_overlaps_its_own_prefix()
    {
        var matcher = new DetachKeyMatcher("aab"u8.ToArray());

        Assert.Equal("a"u8.ToArray(), matcher.Feed("aaab"u8));
        Assert.True(matcher.Detached);
    }
}
