using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorPod.Api.Dto;

/// <summary>Docker's strslice: a command is either a JSON array of strings or a single string.</summary>
public sealed class StringOrListConverter : JsonConverter<List<string>>
{
    public override List<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => [reader.GetString()!],
            JsonTokenType.StartArray => ReadArray(ref reader),
            _ => throw new JsonException($"expected a string or an array of strings, got {reader.TokenType}"),
        };
    }

    static List<string> ReadArray(ref Utf8JsonReader reader)
    {
        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"expected a string in the array, got {reader.TokenType}");
            }

            list.Add(reader.GetString()!);
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, List<string> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToArray(), options);
}
