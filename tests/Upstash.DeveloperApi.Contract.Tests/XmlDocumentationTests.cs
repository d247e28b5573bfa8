using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using FluentAssertions;
using NUnit.Framework;

namespace Upstash.DeveloperApi.Contract.Tests
{
    /// <summary>
    /// Every public and protected member of the library has XML docs, generated code included (the
    /// compiler cannot tell: NSwag's output switches warning CS1591 off).
    /// </summary>
    [TestFixture]
    public sealed class XmlDocumentationTests
    {
        [Test]
        public void The_public_surface_is_documented()
        {
            var assembly = typeof(QStashClient).Assembly;
            var documented = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml"))
                .Descendants("member").Select(m => (string)m.Attribute("name")!).ToHashSet();

            var missing = (
                from type in assembly.GetExportedTypes()
                from id in new[] { Id(type) }.Concat(Members(type).Select(Id))
                where !documented.Any(d => d == id || d.StartsWith(id + "(", StringComparison.Ordinal) || d.StartsWith(id + "`", StringComparison.Ordinal))
                select id).ToList();

            missing.Should().BeEmpty("every public member needs a summary:\n" + string.Join("\n", missing));
        }

        private static MemberInfo[] Members(Type type) =>
            type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m switch
                {
                    MethodInfo method => !method.IsSpecialName && (method.IsPublic || method.IsFamily) && method.DeclaringType == type,
                    ConstructorInfo ctor => (ctor.IsPublic || ctor.IsFamily) && ctor.GetParameters().Length > 0, // implicit default constructors have nothing to say
                    FieldInfo field => (field.IsPublic || field.IsFamily) && !field.IsSpecialName,
                    PropertyInfo property => property.GetMethod is { } get && (get.IsPublic || get.IsFamily),
                    Type nested => nested.IsNestedPublic || nested.IsNestedFamily,
                    _ => false,
                })
                .ToArray();

        private static string Id(MemberInfo member) => member switch
        {
            Type type => "T:" + type.FullName!.Replace('+', '.'),
            PropertyInfo property => "P:" + Name(property.DeclaringType!) + "." + property.Name,
            FieldInfo field => "F:" + Name(field.DeclaringType!) + "." + field.Name,
            ConstructorInfo ctor => "M:" + Name(ctor.DeclaringType!) + ".#ctor",
            MethodInfo method => "M:" + Name(method.DeclaringType!) + "." + method.Name,
            _ => member.Name,
        };

        private static string Name(Type type) => type.FullName!.Replace('+', '.');
    }
}
