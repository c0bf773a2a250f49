using System.Text.RegularExpressions;
using ActorPod.Core.Naming;

namespace ActorPod.Core.Tests;

public class NamingTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("ab")]
    [InlineData("00")]
    [InlineData("/web")]
    [InlineData("My-Container_1.2")]
    [InlineData("a.")]
    [InlineData("a-")]
    [InlineData("db_1")]
    public void Docker_compatible_name_is_valid(string name)
    {
        Assert.True(ContainerNames.IsValid(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("/")]
    [InlineData("/a")]
    [InlineData("//web")]
    [InlineData("-web")]
    [InlineData("_web")]
    [InlineData(".web")]
    [InlineData("web!")]
    [InlineData("we b")]
    [InlineData("web/x")]
    [InlineData("web:1")]
    [InlineData("wéb")]
    [InlineData("web\n")]
    [InlineData("\nweb")]
    [InlineData("web\r\n")]
    public void Name_outside_dockers_rule_is_invalid(string name)
    {
        Assert.False(ContainerNames.IsValid(name));
    }

    [Fact]
    public void Name_may_have_up_to_253_characters()
    {
        Assert.True(ContainerNames.IsValid(new string('a', 253)));
        Assert.False(ContainerNames.IsValid(new string('a', 254)));
    }

    [Theory]
    [InlineData("/web", "web")]
    [InlineData("web", "web")]
    [InlineData("/a.b-c", "a.b-c")]
    public void Normalize_drops_the_leading_slash(string name, string expected)
    {
        Assert.Equal(expected, ContainerNames.Normalize(name));
    }

    [Fact]
    public void Generated_names_are_valid_adjective_noun_pairs_and_vary()
    {
        var names = Enumerable.Range(0, 200).Select(_ => ContainerNames.Generate()).ToList();

        Assert.All(names, name =>
        {
            Assert.Matches("^[a-z]+_[a-z]+$", name);
            Assert.True(ContainerNames.IsValid(name), name);
        });
        Assert.True(names.Distinct().Count() > 20, string.Join(", ", names.Distinct()));
    }

    [Fact]
    public void New_id_is_64_lower_case_hex_characters()
    {
        var id = ContainerIds.New();

        Assert.Equal(64, id.Length);
        Assert.Matches("^[0-9a-f]{64}$", id);
        Assert.True(ContainerIds.IsFullId(id));
    }

    [Fact]
    public void New_ids_are_distinct()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => ContainerIds.New()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Select(id => id[..12]).Distinct().Count() == ids.Count, "short ids collide");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(12, false)]
    [InlineData(63, false)]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void Full_id_has_exactly_64_characters(int length, bool expected)
    {
        Assert.Equal(expected, ContainerIds.IsFullId(new string('c', length)));
    }

    [Fact]
    public void Full_id_is_lower_case_hex_only()
    {
        var id = ContainerIds.New();

        Assert.False(ContainerIds.IsFullId(id.ToUpperInvariant().Replace('0', 'A')));
        Assert.False(ContainerIds.IsFullId("g" + id[1..]));
        Assert.False(ContainerIds.IsFullId(" " + id[1..]));
        Assert.True(ContainerIds.IsFullId(new string('0', 64)));
    }

    [Theory]
    [InlineData("3f2a", true)]
    [InlineData("0123456789abcdef", true)]
    [InlineData("", false)]
    [InlineData("3F2A", false)]
    [InlineData("web", false)]
    public void Hex_prefix_is_recognised(string text, bool expected)
    {
        Assert.Equal(expected, ContainerIds.IsHex(text));
    }

    [Fact]
    public void Short_id_is_the_first_twelve_characters()
    {
        var id = ContainerIds.New();

        Assert.Equal(id[..12], ContainerIds.Short(id));
        Assert.Equal(12, ContainerIds.ShortLength);
    }

    [Theory]
    [InlineData("3f2a")]
    [InlineData("3f2a9c01b7d4")]
    [InlineData("")]
    public void Short_id_of_a_short_text_is_the_text(string text)
    {
        Assert.Equal(text, ContainerIds.Short(text));
    }

    [Fact]
    public void Names_and_ids_do_not_share_a_form_with_generated_names()
    {
        Assert.DoesNotMatch(new Regex("^[0-9a-f]+$"), ContainerNames.Generate());
    }
}
