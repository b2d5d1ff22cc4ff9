/* SPDX-License-Identifier: GPL-3.0-or-later */
/* smolder-page.c: the abstract tab the window talks to: its properties
 * (title, tooltip, icon, file, loading, progress, error, profile). */

#include "smolder-page.h"

typedef struct
{
  char *title;
  char *tooltip;
  GIcon *icon;
  GFile *file;
  GError *error;
  double progress;
  gboolean loading;
} SmolderPagePrivate;

enum {
  PROP_0,
  PROP_TITLE,
  PROP_TOOLTIP,
  PROP_ICON,
  PROP_FILE,
  PROP_LOADING,
  PROP_PROGRESS,
  PROP_ERROR,
  PROP_FAILED,
  PROP_PROFILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SmolderPage, smolder_page, ADW_TYPE_BIN)

static SmolderProfile *
smolder_page_real_get_profile (SmolderPage *self)
{
  return NULL;
}

static void
smolder_page_finalize (GObject *object)
{
  SmolderPage *self = SMOLDER_PAGE (object);
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_free (priv->title);
  g_free (priv->tooltip);
  g_clear_object (&priv->icon);
  g_clear_object (&priv->file);
  g_clear_error (&priv->error);

  G_OBJECT_CLASS (smolder_page_parent_class)->finalize (object);
}

static void
smolder_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SmolderPage *self = SMOLDER_PAGE (object);
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_TOOLTIP:
      g_value_set_string (value, priv->tooltip);
      break;
    case PROP_ICON:
      g_value_set_object (value, priv->icon);
      break;
    case PROP_FILE:
      g_value_set_object (value, priv->file);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, priv->loading);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, priv->progress);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, priv->error);
      break;
    case PROP_FAILED:
      g_value_set_boolean (value, priv->error != NULL);
      break;
    case PROP_PROFILE:
      g_value_set_object (value, smolder_page_get_profile (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SmolderPage *self = SMOLDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      smolder_page_set_title (self, g_value_get_string (value));
      break;
    case PROP_TOOLTIP:
      smolder_page_set_tooltip (self, g_value_get_string (value));
      break;
    case PROP_ICON:
      smolder_page_set_icon (self, g_value_get_object (value));
      break;
    case PROP_FILE:
      smolder_page_set_file (self, g_value_get_object (value));
      break;
    case PROP_LOADING:
      smolder_page_set_loading (self, g_value_get_boolean (value));
      break;
    case PROP_PROGRESS:
      smolder_page_set_progress (self, g_value_get_double (value));
      break;
    case PROP_ERROR:
      smolder_page_set_error (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
smolder_page_class_init (SmolderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = smolder_page_finalize;
  object_class->get_property = smolder_page_get_property;
  object_class->set_property = smolder_page_set_property;
  klass->get_profile = smolder_page_real_get_profile;

  /* Set before constructed(), where a subclass may derive the rest. */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags | G_PARAM_CONSTRUCT);
  properties[PROP_TOOLTIP] = g_param_spec_string ("tooltip", NULL, NULL, NULL, flags);
  properties[PROP_ICON] = g_param_spec_object ("icon", NULL, NULL, G_TYPE_ICON, flags);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags | G_PARAM_CONSTRUCT);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, flags);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, -1.0, 1.0, -1.0, flags);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, flags);
  properties[PROP_FAILED] =
    g_param_spec_boolean ("failed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, SMOLDER_TYPE_PROFILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
smolder_page_init (SmolderPage *self)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  priv->progress = -1.0;
}

const char *
smolder_page_get_title (SmolderPage *self)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_return_val_if_fail (SMOLDER_IS_PAGE (self), NULL);
  return priv->title;
}

void
smolder_page_set_title (SmolderPage *self,
                        const char  *title)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_return_if_fail (SMOLDER_IS_PAGE (self));
  if (g_strcmp0 (priv->title, title) == 0)
    return;
  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
smolder_page_get_tooltip (SmolderPage *self)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_return_val_if_fail (SMOLDER_IS_PAGE (self), NULL);
  return priv->tooltip;
}

void
smolder_page_set_tooltip (SmolderPage *self,
                          const char  *tooltip)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_return_if_fail (SMOLDER_IS_PAGE (self));
  if (g_strcmp0 (priv->tooltip, tooltip) == 0)
    return;
  g_free (priv->tooltip);
  priv->tooltip = g_strdup (tooltip);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOLTIP]);
}

GIcon *
smolder_page_get_icon (SmolderPage *self)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_return_val_if_fail (SMOLDER_IS_PAGE (self), NULL);
  return priv->icon;
}

void
smolder_page_set_icon (SmolderPage *self,
                       GIcon       *icon)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_return_if_fail (SMOLDER_IS_PAGE (self));
  if (g_set_object (&priv->icon, icon))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ICON]);
}

GFile *
smolder_page_get_file (SmolderPage *self)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_return_val_if_fail (SMOLDER_IS_PAGE (self), NULL);
  return priv->file;
}

void
smolder_page_set_file (SmolderPage *self,
                       GFile       *file)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_return_if_fail (SMOLDER_IS_PAGE (self));
  if (g_set_object (&priv->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

gboolean
smolder_page_get_loading (SmolderPage *self)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_return_val_if_fail (SMOLDER_IS_PAGE (self), FALSE);
  return priv->loading;
}

void
smolder_page_set_loading (SmolderPage *self,
                          gboolean     loading)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_return_if_fail (SMOLDER_IS_PAGE (self));
  loading = !!loading;
  if (priv->loading == loading)
    return;
  priv->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

double
smolder_page_get_progress (SmolderPage *self)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_return_val_if_fail (SMOLDER_IS_PAGE (self), -1.0);
  return priv->progress;
}

void
smolder_page_set_progress (SmolderPage *self,
                           double       progress)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_return_if_fail (SMOLDER_IS_PAGE (self));
  progress = progress < 0.0 ? -1.0 : MIN (progress, 1.0);
  if (priv->progress == progress)
    return;
  priv->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

const GError *
smolder_page_get_error (SmolderPage *self)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_return_val_if_fail (SMOLDER_IS_PAGE (self), NULL);
  return priv->error;
}

void
smolder_page_set_error (SmolderPage  *self,
                        const GError *error)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);
  gboolean was_failed;

  g_return_if_fail (SMOLDER_IS_PAGE (self));
  if (priv->error == error)
    return;
  was_failed = priv->error != NULL;
  g_clear_error (&priv->error);
  if (error != NULL)
    priv->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  if (was_failed != (error != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAILED]);
}

gboolean
smolder_page_get_failed (SmolderPage *self)
{
  SmolderPagePrivate *priv = smolder_page_get_instance_private (self);

  g_return_val_if_fail (SMOLDER_IS_PAGE (self), FALSE);
  return priv->error != NULL;
}

SmolderProfile *
smolder_page_get_profile (SmolderPage *self)
{
  g_return_val_if_fail (SMOLDER_IS_PAGE (self), NULL);

  return SMOLDER_PAGE_GET_CLASS (self)->get_profile (self);
}

void
smolder_page_notify_profile (SmolderPage *self)
{
  g_return_if_fail (SMOLDER_IS_PAGE (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}
