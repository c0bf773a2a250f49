using ActorPod.Core.Errors;
using ActorPod.Messages.Model;
using ActorPod.Messages.Replies;
using ActorPod.Oci.Spec;

namespace ActorPod.Oci.Tests;

public sealed class SpecBuilderTests : IDisposable
{
    private const string Id = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private readonly string _rootfs = Directory.CreateTempSubdirectory("ap-spec-").FullName;

    public SpecBuilderTests()
    {
        Directory.CreateDirectory(Path.Combine(_rootfs, "etc"));
        File.WriteAllLines(Path.Combine(_rootfs, "etc", "passwd"),
        [
            "root:x:0:0:root:/root:/bin/sh",
            "# a comment",
            "app:x:1000:1001:App:/home/app:/bin/sh",
        ]);
        File.WriteAllLines(Path.Combine(_rootfs, "etc", "group"), ["root:x:0:", "staff:x:50:app"]);
    }

    public void Dispose() => Directory.Delete(_rootfs, recursive: true);

    private static ContainerSpec Spec(params string[] args) => new() { Image = "img", ImageId = "sha", Args = args };

    private OciSpec Build(ContainerSpec spec, ulong hostLimit = 20000) =>
        new OciSpecBuilder("/actorpod", hostLimit).Build(Id, spec, _rootfs);

    [Fact]
    public void Args_cwd_root_and_hostname_come_from_the_spec()
    {
        var oci = Build(Spec("echo", "hello") with { WorkingDir = "/srv" });

        Assert.Equal(["echo", "hello"], oci.Process.Args);
        Assert.Equal("/srv", oci.Process.Cwd);
        Assert.Equal(_rootfs, oci.Root.Path);
        Assert.False(oci.Root.Readonly);
        Assert.Equal("0123456789ab", oci.Hostname);
        Assert.Equal($"/actorpod/{Id}", oci.Linux.CgroupsPath);
        Assert.True(oci.Process.NoNewPrivileges);
    }

    [Fact]
    public void Env_gets_a_default_PATH_only_when_it_has_none()
    {
        var defaulted = Build(Spec("true") with { Env = ["A=1"] });
        var given = Build(Spec("true") with { Env = ["PATH=/x"] });

        Assert.Equal([OciDefaults.DefaultPath, "A=1"], defaulted.Process.Env);
        Assert.Equal(["PATH=/x"], given.Process.Env);
    }

    [Theory]
    [InlineData("", 0u, 0u)]
    [InlineData("1000", 1000u, 1001u)]
    [InlineData("4242", 4242u, 0u)]
    [InlineData("12:34", 12u, 34u)]
    [InlineData("app", 1000u, 1001u)]
    [InlineData("app:staff", 1000u, 50u)]
    [InlineData("root:50", 0u, 50u)]
    public void User_resolves_to_numeric_ids_through_the_rootfs_files(string user, uint uid, uint gid)
    {
        var oci = Build(Spec("true") with { User = user });

        Assert.Equal(uid, oci.Process.User.Uid);
        Assert.Equal(gid, oci.Process.User.Gid);
    }

    [Fact]
    public void Unknown_user_name_is_an_invalid_argument_naming_it()
    {
        var e = Assert.Throws<ActorPodException>(() => Build(Spec("true") with { User = "nobody-here" }));

        Assert.Equal(ErrorKind.InvalidArgument, e.Error.Kind);
        Assert.Contains("nobody-here", e.Message);
    }

    [Fact]
    public void A_symlinked_passwd_is_not_followed_out_of_the_image()
    {
        var outside = Path.Combine(Path.GetTempPath(), "ap-host-passwd-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(outside, "hostuser:x:4242:4242::/:/bin/sh\n");
        var passwd = Path.Combine(_rootfs, "etc", "passwd");
        File.Delete(passwd);
        File.CreateSymbolicLink(passwd, outside);
        try
        {
            var e = Assert.Throws<ActorPodException>(() => Build(Spec("true") with { User = "hostuser" }));

            Assert.Equal(ErrorKind.InvalidArgument, e.Error.Kind);
            Assert.Equal([1234u, 1234u], [Build(Spec("true") with { User = "1234:1234" }).Process.User.Uid,
                Build(Spec("true") with { User = "1234:1234" }).Process.User.Gid]);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void Unknown_group_name_is_an_invalid_argument_naming_it()
    {
        var e = Assert.Throws<ActorPodException>(() => Build(Spec("true") with { User = "app:wheel" }));

        Assert.Equal(ErrorKind.InvalidArgument, e.Error.Kind);
        Assert.Contains("wheel", e.Message);
    }

    [Fact]
    public void Binds_become_rbind_mounts_read_only_when_asked()
    {
        var oci = Build(Spec("true") with { Binds = [new("/host/a", "/a"), new("/host/b", "/b", ReadOnly: true)] });

        var a = Assert.Single(oci.Mounts, m => m.Destination == "/a");
        var b = Assert.Single(oci.Mounts, m => m.Destination == "/b");
        Assert.Equal(("bind", "/host/a"), (a.Type, a.Source));
        Assert.Contains("rbind", a.Options);
        Assert.Contains("rw", a.Options);
        Assert.Contains("rbind", b.Options);
        Assert.Contains("ro", b.Options);
    }

    [Fact]
    public void Standard_mounts_are_present_with_sys_read_only()
    {
        var oci = Build(Spec("true"));

        string[] expected = ["/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys", "/sys/fs/cgroup"];
        Assert.Equal(expected, oci.Mounts.Select(m => m.Destination));
        Assert.Contains("ro", oci.Mounts.Single(m => m.Destination == "/sys").Options);
        Assert.Contains("ro", oci.Mounts.Single(m => m.Destination == "/sys/fs/cgroup").Options);
    }

    [Fact]
    public void Host_network_drops_the_network_namespace()
    {
        var own = Build(Spec("true"));
        var host = Build(Spec("true") with { NetworkMode = "host" });

        Assert.Equal(["pid", "ipc", "uts", "mount", "network"], own.Linux.Namespaces.Select(n => n.Type));
        Assert.Equal(["pid", "ipc", "uts", "mount"], host.Linux.Namespaces.Select(n => n.Type));
        Assert.Equal("bind", host.Mounts.Single(m => m.Destination == "/sys").Type);
    }

    [Theory]
    [InlineData(20000UL, 20000UL)]
    [InlineData(2000000UL, 1048576UL)]
    public void Open_file_limit_is_clamped_to_the_host_hard_limit(ulong hostLimit, ulong expected)
    {
        var limit = Assert.Single(Build(Spec("true"), hostLimit).Process.Rlimits);

        Assert.Equal(new OciRlimit("RLIMIT_NOFILE", expected, expected), limit);
    }

    [Fact]
    public void Host_hard_limit_is_read_from_getrlimit()
    {
        Assert.InRange(HostRlimits.NoFileHardLimit(), 1UL, ulong.MaxValue);
    }

    [Fact]
    public void Capabilities_are_Dockers_default_set_in_bounding_effective_and_permitted()
    {
        var caps = Build(Spec("true")).Process.Capabilities;

        Assert.Equal(14, caps.Bounding.Count);
        Assert.Contains("CAP_NET_BIND_SERVICE", caps.Bounding);
        Assert.DoesNotContain("CAP_SYS_ADMIN", caps.Bounding);
        Assert.Equal(caps.Bounding, caps.Effective);
        Assert.Equal(caps.Bounding, caps.Permitted);
    }

    [Fact]
    public void Masked_and_read_only_paths_are_the_standard_ones()
    {
        var linux = Build(Spec("true")).Linux;

        Assert.Contains("/proc/kcore", linux.MaskedPaths);
        Assert.Contains("/sys/firmware", linux.MaskedPaths);
        Assert.Contains("/proc/sys", linux.ReadonlyPaths);
        Assert.Contains("/proc/sysrq-trigger", linux.ReadonlyPaths);
        Assert.Null(linux.Seccomp);
    }

    [Fact]
    public void Json_uses_the_oci_spelling()
    {
        var json = OciSpecJson.Serialize(Build(Spec("true") with { Tty = true }));

        Assert.Contains("\"ociVersion\": \"1.0.2\"", json);
        Assert.Contains("\"noNewPrivileges\": true", json);
        Assert.Contains("\"terminal\": true", json);
        Assert.Contains("\"cgroupsPath\"", json);
        Assert.Contains("\"maskedPaths\"", json);
        Assert.DoesNotContain("\"seccomp\"", json);
        Assert.DoesNotContain("additionalGids", json);
    }
}
