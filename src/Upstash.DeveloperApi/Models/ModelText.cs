using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;
using Upstash.DeveloperApi.Secrets;

namespace Upstash.DeveloperApi.Models
{
    /// <summary>
    /// The <c>ToString()</c> of every generated model (build/templates/Class.liquid): the type name and its fields,
    /// <c>QStashUser { Id = …, State = active, Token = ***, Password = *** }</c>.
    /// </summary>
    /// <remarks>
    /// Every field named like a secret (<see cref="SecretNames"/>) is masked; lists show their count; fields the document
    /// does not describe are counted, never shown, so an undocumented secret cannot surface either.
    /// </remarks>
    internal static class ModelText
    {
        private static readonly ConcurrentDictionary<Type, Field[]> Fields = new();

        public static string Describe(object model)
        {
            var type = model.GetType();
            var text = new StringBuilder(type.Name).Append(" {");
            var first = true;
            foreach (var field in Fields.GetOrAdd(type, Read))
            {
                var value = field.Property.GetValue(model);
                if (value == null) continue;
                text.Append(first ? " " : ", ").Append(field.Property.Name).Append(" = ").Append(Show(field, value));
                first = false;
            }
            if (model is IReadIssues { ReadIssues.Count: > 0 } issues)
            {
                text.Append(first ? " " : ", ").Append("ReadIssues = ").Append(issues.ReadIssues.Count);
                first = false;
            }
            var unknown = type.GetProperty("AdditionalProperties")?.GetValue(model) as ICollection;
            if (unknown is { Count: > 0 }) text.Append(first ? " " : ", ").Append("UnknownFields = ").Append(unknown.Count);
            return text.Append(" }").ToString();
        }

        private static string Show(Field field, object value)
        {
            if (field.IsSecret) return Redaction.Mask;
            return value switch
            {
                string s => s,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                ICollection c => c.Count == 1 ? "(1 item)" : $"({c.Count} items)",
                _ when value.GetType().IsValueType => value.ToString() ?? string.Empty, // extensible enums print their wire value
                _ => value.GetType().Name,
            };
        }

        private static Field[] Read(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => (Property: p, Json: p.GetCustomAttribute<JsonPropertyAttribute>()))
                .Where(p => p.Json != null && p.Property.GetIndexParameters().Length == 0)
                .Select(p => new Field(p.Property, SecretNames.IsSecret(p.Json!.PropertyName ?? p.Property.Name) || SecretNames.IsSecret(p.Property.Name)))
                .ToArray();

        private sealed class Field
        {
            public Field(PropertyInfo property, bool isSecret)
            {
                Property = property;
                IsSecret = isSecret;
            }

            public PropertyInfo Property { get; }

            public bool IsSecret { get; }
        }
    }
}
