using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Sync.Configuration;

/// <summary>Reads only <c>{ "env": "NAME" }</c>, so a secret pasted in clear is refused rather than stored.</summary>
internal sealed class SecretReferenceConverter : JsonConverter<SecretReference>
{
    public override SecretReference Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw NotAReference();
        }

        string? env = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (name != "env" || reader.TokenType != JsonTokenType.String || env is not null)
            {
                throw NotAReference();
            }

            env = reader.GetString();
        }

        return new SecretReference(env ?? throw NotAReference());
    }

    public override void Write(Utf8JsonWriter writer, SecretReference value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("env", value.Env);
        writer.WriteEndObject();
    }

    private static JsonException NotAReference() =>
        new("A secret is given only as a reference to an environment variable, { \"env\": \"NAME\" }, never in clear.");
}
