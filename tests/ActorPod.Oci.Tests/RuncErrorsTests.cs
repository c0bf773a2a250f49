using ActorPod.Oci.Runc;

namespace ActorPod.Oci.Tests;

public sealed class RuncErrorsTests
{
    [Fact]
    public void Quoted_msg_of_the_last_logrus_line_is_extracted_and_unescaped()
    {
        const string stderr = """
            time="2024-01-01T00:00:00Z" level=warning msg="first"
            time="2024-01-01T00:00:01Z" level=error msg="exec: \"/x\": stat /x: no such file or directory"

            """;

        Assert.Equal("exec: \"/x\": stat /x: no such file or directory", RuncErrors.LastMessage(stderr));
    }

    [Fact]
    public void Json_lines_and_plain_text_are_understood()
    {
        Assert.Equal("boom", RuncErrors.LastMessage("""{"level":"error","msg":"boom"}"""));
        Assert.Equal("plain words", RuncErrors.LastMessage("plain words\n"));
        Assert.Null(RuncErrors.LastMessage(""));
    }

    [Fact]
    public void Does_not_exist_means_not_found()
    {
        Assert.True(RuncErrors.IsNotFound("container does not exist"));
        Assert.False(RuncErrors.IsNotFound("container not running"));
    }
}
