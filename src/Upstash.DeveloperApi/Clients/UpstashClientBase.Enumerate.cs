using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Upstash.DeveloperApi.Clients;
using Upstash.DeveloperApi.Errors;
using Upstash.DeveloperApi.Http;
using Upstash.DeveloperApi.Operations;
using Upstash.DeveloperApi.Secrets;
using Upstash.DeveloperApi.Serialization;

namespace Upstash.DeveloperApi
{
    // The Enumerate…Async form of every list operation: the same request through the same steps as SendAsync,
    // and the body read one item at a time as it arrives, each item handed to the caller before the next is read.
    public abstract partial class UpstashClientBase
    {
        /// <summary>The items of a list operation as they arrive; <paramref name="createRequest"/> makes the request of each enumeration.</summary>
        private protected UpstashItems<T> Enumerate<T>(ApiOperation operation, Func<HttpRequestMessage> createRequest, string relativeUrl, CancellationToken cancellationToken) =>
            new((items, token) => EnumerateCore(operation, createRequest, relativeUrl, items, token), cancellationToken);

        private async IAsyncEnumerable<T> EnumerateCore<T>(ApiOperation operation, Func<HttpRequestMessage> createRequest, string relativeUrl, UpstashItems<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            items.StartEnumeration();
            using var request = createRequest();
            var (message, span) = Begin(operation, request, relativeUrl, streamBody: true, cancellationToken);
            int? status = null;
            Exception? failure = null;
            HttpResponseMessage? response = null;
            JsonTextReader? reader = null;
            try
            {
                try
                {
                    await _context.Pipeline.SendAsync(message).ConfigureAwait(false);
                    response = message.Response!;
                    status = (int)response.StatusCode;
                    EnsureSuccess(message);
                    reader = await OpenArrayAsync(operation, response, cancellationToken).ConfigureAwait(false);
                    if (!operation.IsSuccess(status.Value))
                        items.AddReadIssue($"the status was {status}, which the API document does not list for this operation; the body read as the documented result.");
                }
                catch (Exception ex)
                {
                    failure = ex;
                    throw;
                }

                var kept = 0;
                Action<string> note = items.AddReadIssue; // one delegate for the whole enumeration
                for (var index = 0; ; index++)
                {
                    StreamedJson.ItemRead? read;
                    T? item;
                    try
                    {
                        (read, item) = await NextItemAsync<T>(reader, index, kept, items, note, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is IOException || ex is ObjectDisposedException || ex is HttpRequestException)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var stalled = response.Content is StreamedContent { Stalled: true };
                        failure = CallErrors.UnreadableSuccess(operation, status!.Value,
                            stalled ? "the body stopped arriving for longer than the timeout" : "the connection broke while the body was being read", null, ex);
                        _context.Log?.CallFailed((UpstashApiException)failure);
                        throw failure;
                    }
                    catch (Exception ex)
                    {
                        failure = ex;
                        throw;
                    }
                    if (read == null) break;
                    if (read != StreamedJson.ItemRead.Kept) continue;
                    kept++;
                    yield return item!;
                }
            }
            finally
            {
                reader?.Close();
                response?.Dispose();
                span.End(status, failure);
            }
        }

        /// <summary>A reader at the opening bracket of the body; a body that is no JSON array is an unreadable response.</summary>
        private async Task<JsonTextReader> OpenArrayAsync(ApiOperation operation, HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var body = (StreamedContent)response.Content;
            var reader = StreamedJson.NewReader(body.Stream);
            string? problem = null;
            try
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) problem = "the body is empty";
                else if (reader.TokenType != JsonToken.StartArray) problem = "the body is not a JSON array";
            }
            catch (JsonReaderException)
            {
                problem = "the body is not a JSON array";
            }
            if (problem == null) return reader;
            reader.Close();
            var mediaType = body.ContentType?.MediaType;
            if (mediaType != null && !BufferedContent.IsJson(mediaType)) problem = $"the body is '{Redaction.SanitizeServerText(mediaType, null, 60)}', not JSON";
            var exception = CallErrors.UnreadableSuccess(operation, (int)response.StatusCode, problem, null, null);
            _context.Log?.CallFailed(exception);
            throw exception;
        }

        /// <summary>The next item (null when the list has ended), read whole from the body and then as the list form reads an item.</summary>
        private static async Task<(StreamedJson.ItemRead?, T?)> NextItemAsync<T>(JsonTextReader reader, int index, int kept, UpstashItems<T> items, Action<string> note, CancellationToken cancellationToken)
        {
            try
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    items.AddReadIssue(StreamedJson.BreaksOffBeforeTheEnd(kept));
                    return (null, default);
                }
                if (reader.TokenType == JsonToken.EndArray)
                {
                    if (await StreamedJson.HasTextAfterAsync(reader, cancellationToken).ConfigureAwait(false)) items.AddReadIssue(StreamedJson.TextAfterTheList);
                    return (null, default);
                }
                var token = await JToken.ReadFromAsync(reader, cancellationToken).ConfigureAwait(false);
                using var itemReader = token.CreateReader();
                itemReader.Read();
                var read = StreamedJson.ReadItem<T>(itemReader, TolerantJson.Serializer, index, kept, note, out var item);
                return (read, item);
            }
            catch (JsonReaderException ex)
            {
                items.AddReadIssue(StreamedJson.Malformed(ex, kept));
                return (null, default);
            }
        }
    }
}
