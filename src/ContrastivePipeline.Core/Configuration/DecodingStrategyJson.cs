using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContrastivePipeline.Configuration;

/// <summary>A strategy in JSON is its name ("head-only"), as the enum it replaced was, so settings keep their bytes.</summary>
internal sealed class DecodingStrategyJson : JsonConverter<DecodingStrategy>
{
    public override DecodingStrategy Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() is { } name && DecodingStrategy.Find(name) is { } strategy ? strategy
            : throw new JsonException($"expected a decoding strategy ({string.Join(", ", DecodingStrategy.All)})");

    public override void Write(Utf8JsonWriter writer, DecodingStrategy value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name);
}
