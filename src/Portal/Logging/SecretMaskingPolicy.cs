using System.Collections.Concurrent;
using System.Reflection;
using Serilog.Core;
using Serilog.Events;

namespace Portal.Logging;

/// <summary>
/// When an object is logged with {@Object}, properties whose names say they hold a secret are written as
/// "***". A log line must never become the place where a token leaks.
/// </summary>
public sealed class SecretMaskingPolicy : IDestructuringPolicy
{
    public const string Mask = "***";

    private static readonly string[] SecretWords = ["password", "secret", "token", "apikey", "api_key", "consumerkey", "consumer_key", "authorization"];
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]?> SecretBearingTypes = new();

    public static bool IsSecretName(string name) =>
        SecretWords.Any(word => name.Replace("-", "", StringComparison.Ordinal).Contains(word, StringComparison.OrdinalIgnoreCase));

    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, out LogEventPropertyValue result)
    {
        var properties = SecretBearingTypes.GetOrAdd(value.GetType(), PropertiesIfAnyIsSecret);
        if (properties is null)
        {
            result = null!;
            return false;
        }

        result = new StructureValue(
            properties.Select(p => new LogEventProperty(
                p.Name,
                IsSecretName(p.Name) ? new ScalarValue(Mask) : propertyValueFactory.CreatePropertyValue(p.GetValue(value), destructureObjects: true))),
            value.GetType().Name);
        return true;
    }

    private static PropertyInfo[]? PropertiesIfAnyIsSecret(Type type)
    {
        if (type.IsPrimitive || type == typeof(string) || type.IsEnum)
        {
            return null;
        }

        var properties = type.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToArray();
        return properties.Any(p => IsSecretName(p.Name)) ? properties : null;
    }
}
