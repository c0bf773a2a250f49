using System.IO.Compression;
using ActorPod.Core.Errors;
using ActorPod.Storage.Tar;

namespace ActorPod.Storage.Images;

/// <summary>An unpacked layer: its diff id and the size of its uncompressed tar.</summary>
internal sealed record UnpackedLayer(string DiffId, long Size);

/// <summary>Unpacks one layer blob (plain or gzip tar) into a directory, hashing the uncompressed tar.</summary>
internal static class LayerUnpacker
{
    /// <summary>Unpacks <paramref name="blobPath"/> into <paramref name="destination"/>. With an expected diff id,
    /// a different digest deletes the directory and throws InvalidArgument naming <paramref name="what"/>.</summary>
    public static async Task<UnpackedLayer> UnpackAsync(
        string blobPath, string destination, string? expectedDiffId, string what, CancellationToken ct)
    {
        await using var file = File.OpenRead(blobPath);
        var tar = await OpenTarAsync(file, what, ct);
        await using var hashing = new HashingReadStream(tar);

        await new SafeTarExtractor(TarExtractOptions.Layer).ExtractAsync(hashing, destination, ct);
        var diffId = await FinishAsync(hashing, destination, what, ct);

        if (expectedDiffId is not null && diffId != expectedDiffId)
        {
            Directory.Delete(destination, recursive: true);
            throw ActorPodException.InvalidArgument(
                $"{what}: uncompressed content has digest {diffId}, expected {expectedDiffId} from rootfs.diff_ids");
        }

        return new UnpackedLayer(diffId, hashing.BytesRead);
    }

    private static async Task<string> FinishAsync(
        HashingReadStream hashing, string destination, string what, CancellationToken ct)
    {
        try
        {
            return await hashing.FinishAsync(ct);
        }
        catch (InvalidDataException e)
        {
            Directory.Delete(destination, recursive: true);
            throw ActorPodException.InvalidArgument($"{what}: corrupt compressed data: {e.Message}");
        }
    }

    // The media type in a manifest is advice; the first bytes are the truth (docker save writes no media type).
    /// <summary>The tar inside <paramref name="file"/>, decompressed when it is gzip.</summary>
    public static async Task<Stream> OpenTarAsync(FileStream file, string what, CancellationToken ct)
    {
        var magic = new byte[4];
        var read = await file.ReadAtLeastAsync(magic, magic.Length, throwOnEndOfStream: false, ct);
        file.Position = 0;

        if (read >= 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            return new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
        }

        if (read == 4 && magic is [0x28, 0xb5, 0x2f, 0xfd])
        {
            throw ActorPodException.InvalidArgument($"{what}: zstd-compressed layers are not supported; " +
                "expected a plain or gzip tar");
        }

        return file;
    }
}
