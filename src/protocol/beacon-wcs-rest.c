/* beacon-wcs-rest.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-wcs-rest"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "beacon-wcs-error.h"
#include "beacon-wcs-rest.h"

/* WCS defaults (protocol-reference §1.1): REST/HTTP 8081, REST/HTTPS 8444. */
#define REST_HTTP_PORT     8081
#define REST_HTTPS_PORT    8444
#define DEFAULT_TIMEOUT_S  10

struct _BeaconWcsRest
{
  GObject      parent_instance;

  SoupSession *session;

  /* Settings */
  char        *base_url;
  char        *username;
  char        *password;
  guint        timeout_s;
};

typedef enum
{
  REST_CALL_FIND_ALL,
  REST_CALL_FIND,
  REST_CALL_TERMINATE,
} RestCall;

/* One request in flight: what was asked, of whom. */
typedef struct
{
  RestCall     call;
  SoupMessage *message;
  char        *base_url;
} RestRequest;

static void
rest_request_free (RestRequest *request)
{
  g_clear_object (&request->message);
  g_free (request->base_url);
  g_free (request);
}

G_DEFINE_FINAL_TYPE (BeaconWcsRest, beacon_wcs_rest, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_USERNAME,
  PROP_PASSWORD,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const call_paths[] = {
  [REST_CALL_FIND_ALL] = "/rest-api/stream/find_all",
  [REST_CALL_FIND] = "/rest-api/stream/find",
  [REST_CALL_TERMINATE] = "/rest-api/stream/terminate",
};

/* "http://host:8081/rest-api/" and "http://host:8081" name the same API: keep the
 * short form, so the call paths can be appended. */
static char *
normalize_base_url (const char *url)
{
  g_autofree char *copy = NULL;
  gsize length;

  if (url == NULL || *url == '\0')
    return NULL;

  copy = g_strdup (url);
  g_strstrip (copy);
  length = strlen (copy);
  while (length > 0 && copy[length - 1] == '/')
    copy[--length] = '\0';
  if (g_str_has_suffix (copy, "/rest-api"))
    copy[length - strlen ("/rest-api")] = '\0';
  return g_steal_pointer (&copy);
}

static gboolean
is_http_url (const char *url)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

  return uri != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static void
set_string_prop (BeaconWcsRest *self,
                 char         **field,
                 const char    *value,
                 int            prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* A failure before any HTTP status: the message says where we tried, because a REST port
 * that is off or firewalled is the usual cause and the address is the first thing to check. */
static GError *
transport_error (BeaconWcsRest *self,
                 RestRequest   *request,
                 const GError  *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (BEACON_WCS_ERROR, BEACON_WCS_ERROR_TIMED_OUT,
                        _("The REST API at %s did not answer within %u seconds"),
                        request->base_url, self->timeout_s);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (BEACON_WCS_ERROR, BEACON_WCS_ERROR_CONNECT_FAILED,
                        _("Could not reach the REST API at %s — is it enabled?"),
                        request->base_url);
  return g_error_new (BEACON_WCS_ERROR, BEACON_WCS_ERROR_CONNECT_FAILED,
                      _("Could not reach the REST API at %s: %s"),
                      request->base_url, error->message);
}

/* An HTTP status other than success; WCS answers 404 to a search that matches nothing,
 * which is an empty list and not a failure (protocol-reference §10.7). */
static void
return_http_error (GTask         *task,
                   BeaconWcsRest *self,
                   RestRequest   *request,
                   guint          status)
{
  const char *reason = soup_message_get_reason_phrase (request->message);

  if (status == SOUP_STATUS_NOT_FOUND)
    {
      if (request->call == REST_CALL_TERMINATE)
        g_task_return_new_error (task, BEACON_WCS_ERROR, BEACON_WCS_ERROR_NOT_FOUND,
                                 _("The server has no such stream (it may have ended already)"));
      else
        g_task_return_pointer (task,
                               g_ptr_array_new_with_free_func (
                                 (GDestroyNotify) beacon_wcs_rest_stream_free),
                               (GDestroyNotify) g_ptr_array_unref);
    }
  else if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    {
      if (self->username != NULL && *self->username != '\0')
        g_task_return_new_error (task, BEACON_WCS_ERROR, BEACON_WCS_ERROR_UNAUTHORIZED,
                                 _("The server refused the REST credentials"));
      else
        g_task_return_new_error (task, BEACON_WCS_ERROR, BEACON_WCS_ERROR_UNAUTHORIZED,
                                 _("The REST API at %s needs a user name and password"),
                                 request->base_url);
    }
  else
    {
      g_task_return_new_error (task, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                               /* Translators: e.g. “… answered 500 Internal Server Error” */
                               _("The REST API at %s answered %u %s"), request->base_url,
                               status, reason ? reason : "");
    }
}

static void
on_response_read_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BeaconWcsRest *self = g_task_get_source_object (task);
  RestRequest *request = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) streams = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      g_debug ("%s: %s", call_paths[request->call], error->message);
      g_task_return_error (task, transport_error (self, request, error));
      return;
    }

  status = soup_message_get_status (request->message);
  g_debug ("%s: %u, %" G_GSIZE_FORMAT " bytes", call_paths[request->call], status,
           g_bytes_get_size (body));
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      return_http_error (task, self, request, status);
      return;
    }

  if (request->call == REST_CALL_TERMINATE)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  streams = beacon_wcs_rest_stream_list_parse (g_bytes_get_data (body, NULL),
                                               g_bytes_get_size (body), &error);
  if (streams == NULL)
    {
      g_task_return_new_error (task, BEACON_WCS_ERROR, BEACON_WCS_ERROR_PROTOCOL,
                               /* Translators: the %s after the colon says what was wrong */
                               _("The REST API at %s sent a list Beacon cannot read: %s"),
                               request->base_url, error->message);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&streams), (GDestroyNotify) g_ptr_array_unref);
}

/* Sends one call with @body (a JSON object, consumed) and finishes @task from the answer. */
static void
send_call (BeaconWcsRest *self,
           GTask         *task,
           RestCall       call,
           JsonNode      *body)
{
  g_autoptr(JsonNode) body_node = body;
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  RestRequest *request;
  gsize length;

  if (!is_http_url (self->base_url))
    {
      g_task_return_new_error (task, BEACON_WCS_ERROR, BEACON_WCS_ERROR_BAD_URL,
                               _("“%s” is not a REST API address (http://host:port or "
                                 "https://host:port)"),
                               self->base_url ? self->base_url : "");
      g_object_unref (task);
      return;
    }

  request = g_new0 (RestRequest, 1);
  request->call = call;
  request->base_url = g_strdup (self->base_url);
  url = g_strconcat (self->base_url, call_paths[call], NULL);
  request->message = soup_message_new (SOUP_METHOD_POST, url);
  g_task_set_task_data (task, request, (GDestroyNotify) rest_request_free);
  if (request->message == NULL)
    {
      g_task_return_new_error (task, BEACON_WCS_ERROR, BEACON_WCS_ERROR_BAD_URL,
                               _("“%s” is not a REST API address (http://host:port or "
                                 "https://host:port)"), url);
      g_object_unref (task);
      return;
    }

  text = json_to_string (body_node, FALSE);
  length = strlen (text);
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  soup_message_set_request_body_from_bytes (request->message, "application/json", bytes);
  soup_message_headers_replace (soup_message_get_request_headers (request->message),
                                "Accept", "application/json");

  /* Preemptive basic auth: WCS's REST auth is basic, and a first unauthenticated round
   * trip would only add latency to every refresh. */
  if (self->username != NULL && *self->username != '\0')
    {
      g_autofree char *pair = g_strconcat (self->username, ":",
                                           self->password ? self->password : "", NULL);
      g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
      g_autofree char *header = g_strconcat ("Basic ", encoded, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (request->message),
                                    "Authorization", header);
    }

  g_debug ("POST %s", url);
  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), on_response_read_cb, task);
}

static void
beacon_wcs_rest_dispose (GObject *object)
{
  BeaconWcsRest *self = BEACON_WCS_REST (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (beacon_wcs_rest_parent_class)->dispose (object);
}

static void
beacon_wcs_rest_finalize (GObject *object)
{
  BeaconWcsRest *self = BEACON_WCS_REST (object);

  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->password, g_free);

  G_OBJECT_CLASS (beacon_wcs_rest_parent_class)->finalize (object);
}

static void
beacon_wcs_rest_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BeaconWcsRest *self = BEACON_WCS_REST (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, beacon_wcs_rest_get_base_url (self));
      break;
    case PROP_USERNAME:
      g_value_set_string (value, beacon_wcs_rest_get_username (self));
      break;
    case PROP_PASSWORD:
      g_value_set_string (value, beacon_wcs_rest_get_password (self));
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, beacon_wcs_rest_get_timeout (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_wcs_rest_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BeaconWcsRest *self = BEACON_WCS_REST (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      beacon_wcs_rest_set_base_url (self, g_value_get_string (value));
      break;
    case PROP_USERNAME:
      beacon_wcs_rest_set_username (self, g_value_get_string (value));
      break;
    case PROP_PASSWORD:
      beacon_wcs_rest_set_password (self, g_value_get_string (value));
      break;
    case PROP_TIMEOUT:
      beacon_wcs_rest_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
beacon_wcs_rest_class_init (BeaconWcsRestClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = beacon_wcs_rest_dispose;
  object_class->finalize = beacon_wcs_rest_finalize;
  object_class->get_property = beacon_wcs_rest_get_property;
  object_class->set_property = beacon_wcs_rest_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PASSWORD] =
    g_param_spec_string ("password", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_TIMEOUT_S,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
beacon_wcs_rest_init (BeaconWcsRest *self)
{
  self->timeout_s = DEFAULT_TIMEOUT_S;
  self->session = soup_session_new_with_options ("timeout", self->timeout_s,
                                                 "user-agent", "Beacon/" PACKAGE_VERSION " ",
                                                 NULL);
}

BeaconWcsRest *
beacon_wcs_rest_new (const char *ws_url)
{
  BeaconWcsRest *self = g_object_new (BEACON_TYPE_WCS_REST, NULL);

  self->base_url = is_http_url (ws_url) ? normalize_base_url (ws_url)
                                        : beacon_wcs_rest_derive_base_url (ws_url);
  return self;
}

char *
beacon_wcs_rest_derive_base_url (const char *ws_url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;
  gboolean secure;

  if (ws_url == NULL || !(uri = g_uri_parse (ws_url, G_URI_FLAGS_NONE, NULL)))
    return NULL;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    return NULL;
  if (g_ascii_strcasecmp (scheme, "wss") == 0)
    secure = TRUE;
  else if (g_ascii_strcasecmp (scheme, "ws") == 0)
    secure = FALSE;
  else
    return NULL;

  /* g_uri_join() puts an IPv6 host in brackets. */
  return g_uri_join (G_URI_FLAGS_NONE, secure ? "https" : "http", NULL, host,
                     secure ? REST_HTTPS_PORT : REST_HTTP_PORT, "", NULL, NULL);
}

const char *
beacon_wcs_rest_get_base_url (BeaconWcsRest *self)
{
  g_return_val_if_fail (BEACON_IS_WCS_REST (self), NULL);

  return self->base_url;
}

void
beacon_wcs_rest_set_base_url (BeaconWcsRest *self,
                              const char    *base_url)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (BEACON_IS_WCS_REST (self));

  normalized = normalize_base_url (base_url);
  set_string_prop (self, &self->base_url, normalized, PROP_BASE_URL);
}

const char *
beacon_wcs_rest_get_username (BeaconWcsRest *self)
{
  g_return_val_if_fail (BEACON_IS_WCS_REST (self), NULL);

  return self->username;
}

void
beacon_wcs_rest_set_username (BeaconWcsRest *self,
                              const char    *username)
{
  g_return_if_fail (BEACON_IS_WCS_REST (self));

  set_string_prop (self, &self->username, username, PROP_USERNAME);
}

const char *
beacon_wcs_rest_get_password (BeaconWcsRest *self)
{
  g_return_val_if_fail (BEACON_IS_WCS_REST (self), NULL);

  return self->password;
}

void
beacon_wcs_rest_set_password (BeaconWcsRest *self,
                              const char    *password)
{
  g_return_if_fail (BEACON_IS_WCS_REST (self));

  set_string_prop (self, &self->password, password, PROP_PASSWORD);
}

guint
beacon_wcs_rest_get_timeout (BeaconWcsRest *self)
{
  g_return_val_if_fail (BEACON_IS_WCS_REST (self), 0);

  return self->timeout_s;
}

void
beacon_wcs_rest_set_timeout (BeaconWcsRest *self,
                             guint          seconds)
{
  g_return_if_fail (BEACON_IS_WCS_REST (self));

  if (self->timeout_s == seconds)
    return;
  self->timeout_s = seconds;
  soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

void
beacon_wcs_rest_find_all_async (BeaconWcsRest       *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  JsonNode *body;
  GTask *task;

  g_return_if_fail (BEACON_IS_WCS_REST (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, beacon_wcs_rest_find_all_async);
  /* An empty object rather than no body: a JSON reader may refuse an empty POST body. */
  body = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (body, json_object_new ());
  send_call (self, task, REST_CALL_FIND_ALL, body);
}

GPtrArray *
beacon_wcs_rest_find_all_finish (BeaconWcsRest *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == beacon_wcs_rest_find_all_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
beacon_wcs_rest_find_async (BeaconWcsRest       *self,
                            const char          *name,
                            int                  published,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  GTask *task;

  g_return_if_fail (BEACON_IS_WCS_REST (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  if (name != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
    }
  if (published != BEACON_WCS_UNSET)
    {
      json_builder_set_member_name (builder, "published");
      json_builder_add_boolean_value (builder, published != FALSE);
    }
  json_builder_set_member_name (builder, "display");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "metrics");
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, beacon_wcs_rest_find_async);
  send_call (self, task, REST_CALL_FIND, json_builder_get_root (builder));
}

GPtrArray *
beacon_wcs_rest_find_finish (BeaconWcsRest *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == beacon_wcs_rest_find_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
beacon_wcs_rest_terminate_async (BeaconWcsRest       *self,
                                 const char          *media_session_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  GTask *task;

  g_return_if_fail (BEACON_IS_WCS_REST (self));
  g_return_if_fail (media_session_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "mediaSessionId");
  json_builder_add_string_value (builder, media_session_id);
  json_builder_end_object (builder);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, beacon_wcs_rest_terminate_async);
  send_call (self, task, REST_CALL_TERMINATE, json_builder_get_root (builder));
}

gboolean
beacon_wcs_rest_terminate_finish (BeaconWcsRest *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == beacon_wcs_rest_terminate_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
