using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Upstash.DeveloperApi.Tests.Support
{
    /// <summary>
    /// The public surface of a build of the library as a set of short lines (<c>QStashClient.ResetQStashTokenAsync(string, CancellationToken)</c>,
    /// <c>QStashUser.Budget: long?</c>, <c>type QStashIPv4</c>): small enough to diff between two revisions of the
    /// document and read, which the full public-API text is not.
    /// </summary>
    public static class ApiSurface
    {
        public static SortedSet<string> Of(Assembly assembly)
        {
            var lines = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var type in assembly.GetExportedTypes())
            {
                lines.Add("type " + Name(type));
                foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                {
                    switch (member)
                    {
                        case ConstructorInfo c:
                            lines.Add($"{Name(type)}.new({Parameters(c)})");
                            break;
                        case MethodInfo m when !m.IsSpecialName:
                            lines.Add($"{Name(type)}.{m.Name}({Parameters(m)}): {Name(m.ReturnType)}");
                            break;
                        case PropertyInfo p:
                            lines.Add($"{Name(type)}.{p.Name}: {Name(p.PropertyType)}");
                            break;
                        case FieldInfo f when !f.IsSpecialName:
                            lines.Add($"{Name(type)}.{f.Name}: {Name(f.FieldType)}");
                            break;
                    }
                }
            }
            return lines;
        }

        private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p => Name(p.ParameterType)));

        private static string Name(Type type)
        {
            if (Nullable.GetUnderlyingType(type) is Type inner) return Name(inner) + "?";
            if (type.IsGenericType)
                return type.Name.Split('`')[0] + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
            return type.DeclaringType != null && !type.IsGenericParameter ? Name(type.DeclaringType) + "." + type.Name : type.Name;
        }
    }
}
