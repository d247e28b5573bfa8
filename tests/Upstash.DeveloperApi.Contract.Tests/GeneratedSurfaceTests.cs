using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using NUnit.Framework;
using Upstash.DeveloperApi.Clients;
using Upstash.DeveloperApi.Operations;
using Upstash.DeveloperApi.Tests.Support;

namespace Upstash.DeveloperApi.Contract.Tests
{
    /// <summary>What the generated surface must look like, for every operation of the document: checked by reflection, so a new revision is held to it too.</summary>
    [TestFixture]
    [Parallelizable(ParallelScope.All)]
    public sealed class GeneratedSurfaceTests
    {
        private static readonly Assembly Library = typeof(UpstashClient).Assembly;

        private static IEnumerable<Type> PublicTypes => Library.GetExportedTypes();

        [Test]
        public void Every_operation_has_its_async_method_on_its_tag_s_client_and_interface()
        {
            foreach (var operation in SpecDocument.Operations)
            {
                var client = LibraryUnderTest.Referenced.ClientType(operation.Id);
                var method = OperationInvoker.MethodFor(operation);
                var contract = client.GetInterface("I" + client.Name);
                contract.Should().NotBeNull($"{client.Name} implements I{client.Name}");
                contract!.GetMethod(method.Name, method.GetParameters().Select(p => p.ParameterType).ToArray()).Should().NotBeNull($"{operation.Id} is on I{client.Name}");
                typeof(IUpstashClient).GetProperty(ApiOperations.Get(operation.Id).Client)!.PropertyType.Should().Be(contract);
            }
            ApiOperations.All.Select(o => o.Id).Should().BeEquivalentTo(SpecDocument.Operations.Select(o => o.Id), "the generated table has every operation of the document, and only those");
            foreach (var group in ApiOperations.All.GroupBy(o => o.Client))
                typeof(IUpstashClient).GetProperty(group.Key)!.PropertyType.GetMethods().Select(m => m.Name).Distinct()
                    .Should().BeEquivalentTo(group.Select(o => o.MethodName).Concat(group.Select(o => o.EnumerateMethodName).OfType<string>()).Distinct(),
                        $"I{group.Key}Client has a method for each of its operations (and an Enumerate form of each list) and nothing else");
        }

        [Test]
        public void The_README_table_maps_every_operationId_to_its_methods()
        {
            var expected = string.Join("\n", new[] { "| client | operationId | request | method |", "|---|---|---|---|" }.Concat(ApiOperations.All.Select(o =>
                $"| {o.Client} | `{o.Id}` | `{o.Method.Method} {o.PathTemplate}` | `{o.MethodName}`{(o.EnumerateMethodName is string e ? $", `{e}`" : string.Empty)} |")));
            var readme = System.IO.File.ReadAllText(RepoPaths.Of("README.md")).Replace("\r\n", "\n");
            var match = Regex.Match(readme, @"<!-- operations:start -->\n(?<table>.*?)\n<!-- operations:end -->", RegexOptions.Singleline);

            match.Success.Should().BeTrue("README.md keeps the operations table between its markers");
            match.Groups["table"].Value.Should().Be(expected, "the table is the generated operation table; paste this one if the document or the overlay changed");
        }

        [Test]
        public void There_is_one_client_per_tag_named_as_plainly_as_the_tag()
        {
            SpecDocument.Operations.GroupBy(o => o.Operation.Tags.First()).Select(g => g.Select(o => ApiOperations.Get(o.Id).Client).Distinct().Count())
                .Should().OnlyContain(n => n == 1, "the operations of a tag share one client");
            typeof(UpstashClient).GetProperties().Where(p => typeof(UpstashClientBase).IsAssignableFrom(p.PropertyType)).Select(p => p.PropertyType.Name)
                .Should().BeEquivalentTo(ApiOperations.All.Select(o => o.Client + "Client").Distinct());
            typeof(UpstashClient).GetProperties().Select(p => p.PropertyType.Name).Should().NotContain(n => n.Contains('_'), "a client is named as plainly as its tag");
        }

        [Test]
        public void Every_id_a_model_holds_can_be_passed_to_the_by_id_methods()
        {
            // The by-id methods take their ids as strings (as the document's path parameters are); a model's id of
            // another type (Guid, for format: uuid) would not go back into them without a conversion.
            SpecDocument.Operations.Select(o => OperationInvoker.MethodFor(o)).SelectMany(m => m.GetParameters()).Where(p => p.Name == "id")
                .Select(p => p.ParameterType).Distinct().Should().Equal(new[] { typeof(string) }, "every by-id method takes its id as a string");
            PublicTypes.SelectMany(t => t.GetProperties()).Where(p => p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?))
                .Select(p => $"{p.DeclaringType!.Name}.{p.Name}").Should().BeEmpty("an id is a string, as the by-id methods take it");
        }

        [Test]
        public void No_public_type_has_an_invented_name()
        {
            PublicTypes.Select(t => t.Name).Where(n => Regex.IsMatch(n, "^(Body|Anonymous|Period)[0-9]*$") || Regex.IsMatch(n, "[A-Za-z]2$") || n.Contains('_'))
                .Should().BeEmpty("inline types are named after their operation or field");
        }

        [Test]
        public void Every_enum_member_is_a_readable_identifier()
        {
            var members = PublicTypes.Where(t => t.IsValueType && t.GetProperty("IsKnown") != null)
                .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == t).Select(p => t.Name + "." + p.Name)).ToList();
            members.Should().NotBeEmpty();
            members.Should().NotContain(m => Regex.IsMatch(m.Split('.')[1], "^[A-Z][a-z]?[0-9]?$") && !Regex.IsMatch(m.Split('.')[1], "^(S|M|L|XL|XXL)$"), "no cryptic member names");
        }

        [Test]
        public void Public_types_live_in_the_root_namespace_and_internal_types_in_the_namespace_of_their_folder()
        {
            var types = Library.GetTypes().Where(t => !t.IsNested && t.Namespace != null && !t.Name.StartsWith("<", StringComparison.Ordinal)
                && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() == null && !t.Namespace.StartsWith("System", StringComparison.Ordinal)
                && !t.Namespace.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
            types.Where(t => t.IsPublic && t.Namespace is not ("Upstash.DeveloperApi" or "Microsoft.Extensions.DependencyInjection"))
                .Select(t => t.FullName).Should().BeEmpty("the public surface is one namespace (and the DI extension methods where DI looks for them)");
            types.Where(t => !t.IsPublic && (t.Namespace == "Upstash.DeveloperApi" || !t.Namespace!.StartsWith("Upstash.DeveloperApi.", StringComparison.Ordinal)))
                .Select(t => t.FullName).Should().BeEmpty("an internal type lives in the namespace of its folder (Upstash.DeveloperApi.Http, .Errors, …)");
        }

        [Test]
        public void No_two_enum_types_hold_the_same_values_and_a_model_s_value_goes_into_a_request()
        {
            var enums = PublicTypes.Where(t => t.IsValueType && t.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static) != null).ToList();
            enums.Should().NotBeEmpty();
            var byValues = enums.GroupBy(t => string.Join(",", ((System.Collections.IEnumerable)t.GetProperty("KnownValues")!.GetValue(null)!).Cast<object>().Select(v => v.ToString())));
            byValues.Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(t => t.Name))).Should().BeEmpty("enums with the same values are one type (Shapes/SharedEnums.cs)");
            byValues.Select(g => g.Key).Should().NotContain(new[] { "true,false", "false,true" }, "a string boolean is a bool? (Shapes/StringBooleans.cs)");

            var database = new Database { PrimaryRegion = DatabasePrimaryRegion.EuCentral1, Platform = DatabasePlatform.Aws };
            var request = new CreateDatabaseRequest { DatabaseName = "db", PrimaryRegion = database.PrimaryRegion.Value, Platform = database.Platform };
            request.PrimaryRegion.Should().Be(DatabasePrimaryRegion.EuCentral1);
            typeof(SearchClient).GetMethod(nameof(SearchClient.GetSearchIndexStatsAsync))!.ReturnType.Should().Be(typeof(Task<IndexStats>));
            typeof(VectorClient).GetMethod(nameof(VectorClient.GetVectorIndexStatsAsync))!.ReturnType.Should().Be(typeof(Task<IndexStats>));
        }

        [TestCase("\"true\"", true)]
        [TestCase("true", true)]
        [TestCase("\"false\"", false)]
        [TestCase("false", false)]
        public void A_string_boolean_reads_from_the_string_and_from_the_JSON_boolean(string json, bool expected)
        {
            var database = Newtonsoft.Json.JsonConvert.DeserializeObject<Database>($"{{\"db_acl_enabled\":{json},\"prometheus_enabled\":{json}}}")!;

            database.DbAclEnabled.Should().Be(expected);
            database.PrometheusEnabled.Should().Be(expected);
        }

        [Test]
        public void Arrays_are_read_only_lists_in_models_and_results()
        {
            var models = PublicTypes.Where(t => t.IsClass && t.Namespace == "Upstash.DeveloperApi" && t.GetProperty("ReadIssues") != null && t != typeof(UpstashResponse));
            foreach (var property in models.SelectMany(t => t.GetProperties()).Where(p => p.Name != "ReadIssues" && p.Name != "AdditionalProperties" && typeof(System.Collections.IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(string)))
                property.PropertyType.GetGenericTypeDefinition().Should().Be(typeof(IReadOnlyList<>), $"{property.DeclaringType!.Name}.{property.Name}");
            foreach (var operation in SpecDocument.Operations)
            {
                var result = StrictContract.ResultTypeOf(operation);
                if (typeof(System.Collections.IEnumerable).IsAssignableFrom(result) && result != typeof(string))
                {
                    result.GetGenericTypeDefinition().Should().Be(typeof(UpstashList<>), operation.Id + ": a list result has its ReadIssues without a cast");
                    var client = LibraryUnderTest.Referenced.ClientType(operation.Id);
                    var enumerate = client.GetMethod(ApiOperations.Get(operation.Id).EnumerateMethodName!);
                    enumerate.Should().NotBeNull(operation.Id + " has an Enumerate form");
                    enumerate!.ReturnType.Should().Be(typeof(UpstashItems<>).MakeGenericType(result.GetGenericArguments()), operation.Id);
                    enumerate.GetParameters().Select(p => p.ParameterType).Should().Equal(OperationInvoker.MethodFor(operation).GetParameters().Select(p => p.ParameterType), operation.Id + ": the same parameters");
                }
                else ApiOperations.Get(operation.Id).EnumerateMethodName.Should().BeNull(operation.Id);
            }
        }

        [Test]
        public void Path_and_query_parameters_are_typed_and_optional_query_parameters_are_optional()
        {
            var getDatabase = typeof(RedisClient).GetMethod(nameof(RedisClient.GetDatabaseAsync))!.GetParameters();
            getDatabase[0].Name.Should().Be("id");
            getDatabase[1].ParameterType.Should().Be(typeof(GetDatabaseCredentials?));
            getDatabase[1].IsOptional.Should().BeTrue();
            typeof(VectorClient).GetMethod(nameof(VectorClient.GetVectorIndexStatsAsync))!.GetParameters()[1].ParameterType.Should().Be(typeof(StatsPeriod?));
            typeof(RedisClient).GetMethod(nameof(RedisClient.DeleteBackupAsync))!.GetParameters().Select(p => p.Name).Should().Equal("id", "backupId", "cancellationToken");
        }

        [TestCase(null, typeof(ArgumentNullException))]
        [TestCase("", typeof(ArgumentException))]
        [TestCase("..", typeof(ArgumentException))]
        [TestCase(".", typeof(ArgumentException))]
        public async Task A_required_parameter_that_is_null_empty_or_a_dot_segment_is_refused_naming_it(string? id, Type expected)
        {
            var handler = new StubHandler(_ => throw new AssertionException("nothing may be sent"));
            using var upstash = new UpstashClient(new HttpClient(handler), TestCredentials.Create());

            var call = () => upstash.Redis.DeleteBackupAsync("db-1", id!);

            var thrown = (await call.Should().ThrowAsync<ArgumentException>()).Which;
            thrown.Should().BeOfType(expected);
            thrown.ParamName.Should().Be("backupId");
        }

        [Test]
        public async Task A_body_with_a_required_field_left_out_or_an_enum_without_a_value_is_refused_naming_the_field_and_nothing_is_sent()
        {
            var handler = new StubHandler(_ => throw new AssertionException("nothing may be sent"));
            using var upstash = new UpstashClient(new HttpClient(handler), TestCredentials.Create());

            var withoutName = () => upstash.Redis.CreateDatabaseAsync(new CreateDatabaseRequest { PrimaryRegion = DatabasePrimaryRegion.EuCentral1 });
            var withoutRegion = () => upstash.Redis.CreateDatabaseAsync(new CreateDatabaseRequest { DatabaseName = "orders" });

            (await withoutName.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("database_name").And.Contain("CreateDatabaseRequest");
            (await withoutRegion.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("primary_region").And.Contain("no value");
            handler.Requests.Should().BeEmpty();
        }

        [Test]
        public async Task A_required_body_that_is_null_is_refused_naming_it()
        {
            using var upstash = new UpstashClient(new HttpClient(new StubHandler(_ => throw new AssertionException("nothing may be sent"))), TestCredentials.Create());

            var call = () => upstash.Redis.RenameDatabaseAsync("db-1", null!);

            (await call.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("body");
        }

        [Test]
        public void NSwag_leftovers_are_off_the_public_surface()
        {
            foreach (var client in PublicTypes.Where(t => typeof(UpstashClientBase).IsAssignableFrom(t) && !t.IsAbstract))
            {
                client.GetConstructors().Should().OnlyContain(c => c.GetParameters().All(p => p.ParameterType.Namespace != "Upstash.DeveloperApi.Http"));
                client.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
                    .Where(m => m is not ConstructorInfo && (m is not MethodBase b || b.IsPublic || b.IsFamily || b.IsFamilyOrAssembly))
                    .Select(m => m.Name).Should().NotContain(new[] { "ReadResponseAsString", "ObjectResponseResult`1", "JsonSerializerSettings", "ReadObjectResponseAsync" });
            }
            PublicTypes.Should().NotContain(t => t.Namespace == "Upstash.DeveloperApi.Http", "the transport is internal");
        }
    }
}
