using System.CommandLine;
using System.Text;
using System.Text.Json;
using ActorPod.Cli.Client;
using static ActorPod.Cli.Commands.Globals;

namespace ActorPod.Cli.Commands;

/// <summary>
/// <c>exec [-i] [-t] [-d] [-e K=V] [-w DIR] [-u USER] [--privileged] CTR CMD...</c>: runs a command in a running
/// container and exits with its code; 126 or 127 when it cannot be run or found, 125 for refusals.
/// </summary>
public static class ExecCommand
{
    public static Command Create()
    {
        var container = ContainerArgument.One();
        var cmd = new Argument<string[]>("COMMAND") { Arity = ArgumentArity.OneOrMore };
        var interactive = new Option<bool>("--interactive", "-i") { Description = "Keep stdin open" };
        var tty = new Option<bool>("--tty", "-t") { Description = "Allocate a pseudo-TTY" };
        var detach = new Option<bool>("--detach", "-d") { Description = "Run the command in the background" };
        var env = new Option<string[]>("--env", "-e") { Description = "KEY=VALUE environment variable" };
        var workdir = new Option<string?>("--workdir", "-w") { Description = "Working directory" };
        var user = new Option<string?>("--user", "-u") { Description = "uid[:gid] or user name" };
        var privileged = new Option<bool>("--privileged") { Description = "All capabilities" };
        var keys = new Option<string?>("--detach-keys") { Description = "Keys that detach (default ctrl-p,ctrl-q)" };
        var command = new Command("exec", "Run a command in a running container")
        {
            container, cmd, interactive, tty, detach, env, workdir, user, privileged, keys,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect(parse);
            var host = DaemonAddress.Resolve(parse.GetValue(Host));
            var i = parse.GetValue(interactive);
            var t = parse.GetValue(tty);
            var d = parse.GetValue(detach);
            var body = CreateBody(parse.GetValue(cmd)!, parse.GetValue(env) ?? [], parse.GetValue(user),
                parse.GetValue(workdir), t, i && !d, !d, parse.GetValue(privileged));
            var created = await client.PostJsonAsync($"/containers/{Escape(parse.GetValue(container)!)}/exec",
                new StringContent(body, Encoding.UTF8, "application/json"), ct);
            var id = created.GetProperty("Id").GetString()!;
            if (d)
            {
                using var started = await client.SendAsync(HttpMethod.Post, $"/exec/{id}/start",
                    new StringContent("""{"Detach":true}""", Encoding.UTF8, "application/json"), ct);
                return 0;
            }

            return await RunAttachedAsync(client, host, id, i, t, parse.GetValue(keys), ct);
        });
        return command;
    }

    static async Task<int> RunAttachedAsync(DaemonClient client, string host, string id, bool stdin, bool tty,
        string? keys, CancellationToken ct)
    {
        bool detached;
        try
        {
            var body = tty ? """{"Detach":false,"Tty":true}""" : """{"Detach":false,"Tty":false}""";
            detached = await AttachedStreams.RunAsync(client, host, $"/exec/{id}/start", body, stdin, tty, keys,
                null, (h, w) => client.SendEmptyAsync(HttpMethod.Post, $"/exec/{id}/resize?h={h}&w={w}", ct), ct);
        }
        catch (CliException e) when (e.ExitCode == ExitCodes.ToolError)
        {
            throw new CliException(e.Message, ExitCodes.ForStartFailure(e.Message));
        }

        if (detached)
        {
            return 0;
        }

        var inspect = await client.GetJsonAsync($"/exec/{id}/json", ct);
        return inspect.GetProperty("ExitCode") is { ValueKind: JsonValueKind.Number } code ? code.GetInt32() : 0;
    }

    static string CreateBody(string[] cmd, string[] env, string? user, string? workdir, bool tty, bool stdin,
        bool output, bool privileged)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteArray(json, "Cmd", cmd);
            WriteArray(json, "Env", env);
            json.WriteString("User", user);
            json.WriteString("WorkingDir", workdir);
            json.WriteBoolean("Tty", tty);
            json.WriteBoolean("AttachStdin", stdin);
            json.WriteBoolean("AttachStdout", output);
            json.WriteBoolean("AttachStderr", output);
            json.WriteBoolean("Privileged", privileged);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    static void WriteArray(Utf8JsonWriter json, string name, string[] values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
