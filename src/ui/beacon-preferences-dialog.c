/* beacon-preferences-dialog.c
 *
 * Copyright 2026 The Beacon authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "beacon-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "beacon-connection.h"
#include "beacon-preferences-dialog.h"
#include "beacon-wcs-rest.h"
#include "beacon-window.h"

struct _BeaconPreferencesDialog
{
  AdwPreferencesWindow  parent_instance;

  /* Template children */
  AdwComboRow          *decoder_row;
  AdwPreferencesGroup  *certificates_group;
  GtkWidget            *no_certificates_row;
  AdwPreferencesGroup  *rest_group;
  AdwEntryRow          *rest_url_row;
  AdwEntryRow          *rest_username_row;
  AdwEntryRow          *rest_password_row;

  /* Owned */
  BeaconConnection     *connection;        /* the parent window's; NULL without one */
  GSettings            *settings;
  GPtrArray            *certificate_rows;   /* borrowed: the group owns them */
};

G_DEFINE_FINAL_TYPE (BeaconPreferencesDialog, beacon_preferences_dialog,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
on_revoke_clicked (GtkButton               *button,
                    BeaconPreferencesDialog *self)
{
  const char *origin = g_object_get_data (G_OBJECT (button), "origin");
  g_autoptr(GVariant) pins = g_settings_get_value (self->settings, "pinned-certificates");
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  const char *value;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, pins);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, origin))
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_settings_set_value (self->settings, "pinned-certificates", g_variant_builder_end (&builder));
}

static GtkWidget *
make_certificate_row (BeaconPreferencesDialog *self,
                      const char              *origin,
                      const char              *pem)
{
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_pem (pem, -1, NULL);
  g_autofree char *fingerprint = certificate ? beacon_connection_dup_fingerprint (certificate) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  /* Translators: %s is a certificate's SHA-256 fingerprint */
  subtitle = fingerprint ? g_strdup_printf (_("SHA-256 %s"), fingerprint)
                         : g_strdup (_("This certificate cannot be read"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), origin);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Stop Trusting"));
  /* Translators: %s is a server address */
  label = g_strdup_printf (_("Stop trusting the certificate of %s"), origin);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "origin", g_strdup (origin), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_revoke_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
on_pins_changed (BeaconPreferencesDialog *self)
{
  g_autoptr(GVariant) pins = g_settings_get_value (self->settings, "pinned-certificates");
  GVariantIter iter;
  const char *origin;
  const char *pem;

  for (guint i = 0; i < self->certificate_rows->len; i++)
    adw_preferences_group_remove (self->certificates_group,
                                  g_ptr_array_index (self->certificate_rows, i));
  g_ptr_array_set_size (self->certificate_rows, 0);

  g_variant_iter_init (&iter, pins);
  while (g_variant_iter_next (&iter, "{&s&s}", &origin, &pem))
    {
      GtkWidget *row = make_certificate_row (self, origin, pem);

      adw_preferences_group_add (self->certificates_group, row);
      g_ptr_array_add (self->certificate_rows, row);
    }
  gtk_widget_set_visible (self->no_certificates_row, self->certificate_rows->len == 0);
}

/* Only on a change: setting the same text again would offer to apply it again. */
static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* The REST settings belong to the server of the current session: the rows show its values
 * and are only editable while there is a remote one. */
static void
update_rest_rows (BeaconPreferencesDialog *self)
{
  BeaconConnection *connection = self->connection;
  const char *url = connection ? beacon_connection_get_url (connection) : NULL;
  gboolean editable = connection != NULL && url != NULL &&
                      beacon_connection_get_client (connection) != NULL &&
                      !beacon_connection_get_is_local (connection);
  g_autofree char *origin = url ? beacon_connection_dup_origin (url) : NULL;
  g_autofree char *derived = url ? beacon_wcs_rest_derive_base_url (url) : NULL;
  g_autofree char *description = NULL;

  if (editable && origin != NULL)
    /* Translators: the first %s is a server address (wss://host:port), the second the REST
     * address used when the field is empty (https://host:8444) */
    description = g_strdup_printf (_("For the Server view of %s. Without an address Beacon asks "
                                     "%s. The password is kept in your keyring."),
                                   origin, derived != NULL ? derived : "—");
  else
    description = g_strdup (_("Connect to a Web Call Server to set its REST API address and "
                              "login. The local test server needs none."));
  adw_preferences_group_set_description (self->rest_group, description);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rest_url_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rest_username_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rest_password_row), editable);

  set_row_text (self->rest_url_row,
                editable ? beacon_connection_get_rest_url_override (connection) : NULL);
  set_row_text (self->rest_username_row,
                editable ? beacon_connection_get_rest_username (connection) : NULL);
  set_row_text (self->rest_password_row,
                editable ? beacon_connection_get_rest_password (connection) : NULL);
}

static void
on_rest_apply (BeaconPreferencesDialog *self)
{
  /* Copies: the connection's notifications bring the rows up to date, texts included. */
  g_autofree char *url = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rest_url_row)));
  g_autofree char *username = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rest_username_row)));
  g_autofree char *password = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rest_password_row)));

  if (self->connection != NULL)
    beacon_connection_set_rest_settings (self->connection, g_strstrip (url), g_strstrip (username),
                                         password);
}

static gboolean
decoder_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  static const char * const nicks[] = { "auto", "hardware", "software" };
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (nicks); i++)
    if (g_str_equal (nick, nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
decoder_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  static const char * const nicks[] = { "auto", "hardware", "software" };
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (nicks[MIN (selected, G_N_ELEMENTS (nicks) - 1)]);
}

static void
beacon_preferences_dialog_constructed (GObject *object)
{
  BeaconPreferencesDialog *self = BEACON_PREFERENCES_DIALOG (object);
  GtkWindow *parent;
  static const char * const watched[] = {
    "notify::client", "notify::rest-url", "notify::rest-username", "notify::rest-password",
  };

  G_OBJECT_CLASS (beacon_preferences_dialog_parent_class)->constructed (object);

  /* The session is the window's: the REST rows are about its server. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (BEACON_IS_WINDOW (parent))
    {
      self->connection = g_object_ref (beacon_window_get_connection (BEACON_WINDOW (parent)));
      for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
        g_signal_connect_object (self->connection, watched[i], G_CALLBACK (update_rest_rows),
                                 self, G_CONNECT_SWAPPED);
    }
  update_rest_rows (self);
}

static void
beacon_preferences_dialog_dispose (GObject *object)
{
  BeaconPreferencesDialog *self = BEACON_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BEACON_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->connection);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (beacon_preferences_dialog_parent_class)->dispose (object);
}

static void
beacon_preferences_dialog_finalize (GObject *object)
{
  BeaconPreferencesDialog *self = BEACON_PREFERENCES_DIALOG (object);

  g_clear_pointer (&self->certificate_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (beacon_preferences_dialog_parent_class)->finalize (object);
}

static void
beacon_preferences_dialog_class_init (BeaconPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = beacon_preferences_dialog_constructed;
  object_class->dispose = beacon_preferences_dialog_dispose;
  object_class->finalize = beacon_preferences_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/beacon_wcs/Beacon/ui/beacon-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BeaconPreferencesDialog, decoder_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconPreferencesDialog, certificates_group);
  gtk_widget_class_bind_template_child (widget_class, BeaconPreferencesDialog, no_certificates_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconPreferencesDialog, rest_group);
  gtk_widget_class_bind_template_child (widget_class, BeaconPreferencesDialog, rest_url_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconPreferencesDialog, rest_username_row);
  gtk_widget_class_bind_template_child (widget_class, BeaconPreferencesDialog, rest_password_row);
}

static void
beacon_preferences_dialog_init (BeaconPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->certificate_rows = g_ptr_array_new ();
  self->settings = g_settings_new (BASE_ID);
  g_settings_bind_with_mapping (self->settings, "preferred-decoder",
                                self->decoder_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                decoder_get_mapping, decoder_set_mapping, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::pinned-certificates",
                           G_CALLBACK (on_pins_changed), self, G_CONNECT_SWAPPED);
  /* One apply for the three: the REST settings are one keyring item. */
  g_signal_connect_object (self->rest_url_row, "apply", G_CALLBACK (on_rest_apply), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rest_username_row, "apply", G_CALLBACK (on_rest_apply), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rest_password_row, "apply", G_CALLBACK (on_rest_apply), self,
                           G_CONNECT_SWAPPED);
  on_pins_changed (self);
}

GtkWidget *
beacon_preferences_dialog_new (GtkWindow *parent)
{
  return g_object_new (BEACON_TYPE_PREFERENCES_DIALOG,
                       "transient-for", parent,
                       NULL);
}
