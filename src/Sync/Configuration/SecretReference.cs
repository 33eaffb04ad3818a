using System.Text.Json.Serialization;

namespace Portal.Sync.Configuration;

/// <summary>A secret as a configuration document holds it: <c>{ "env": "ALPHA_SHOPIFY_ACCESS_TOKEN" }</c>, never its value.</summary>
[JsonConverter(typeof(SecretReferenceConverter))]
public sealed record SecretReference(string Env);
