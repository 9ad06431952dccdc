"""The default cache (no ``CACHE_URL``): Django's database cache with a lighter read path.

A cached page is answered with one ``get_many`` (its entry, its re-render lock and the versions of
its scopes, cms.cache), so that read is most of what a hit costs. Django's ``get_many`` builds a
datetime expression and its converters, reads the clock once per row and runs the memcached key
checks on every key each time; here the converters are made once per database vendor, the clock is
read once per call, and keys are not checked for memcached (this cache is never memcached, and the
keys are the project's own: hashes and scope names). Same table, same rows, same pickles: it reads
and writes what ``django.core.cache.backends.db.DatabaseCache`` does.
"""

import base64
import pickle

from django.core.cache.backends import db
from django.db import connections, models, router
from django.utils.timezone import now as tz_now


class DatabaseCache(db.DatabaseCache):
    _converters = {}

    def validate_key(self, key):
        """No memcached key warnings (see the module's docstring)."""

    def _expires_converters(self, connection):
        converters = self._converters.get(connection.vendor)
        if converters is None:
            expression = models.Expression(output_field=models.DateTimeField())
            converters = (expression, connection.ops.get_db_converters(expression)
                          + expression.get_db_converters(connection))
            self._converters[connection.vendor] = converters
        return converters

    def get_many(self, keys, version=None):
        if not keys:
            return {}
        key_map = {self.make_key(key, version=version): key for key in keys}
        connection = connections[router.db_for_read(self.cache_model_class)]
        quote_name = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT %s, %s, %s FROM %s WHERE %s IN (%s)" % (
                    quote_name("cache_key"), quote_name("value"), quote_name("expires"),
                    quote_name(self._table), quote_name("cache_key"), ", ".join(["%s"] * len(key_map)),
                ),
                list(key_map),
            )
            rows = cursor.fetchall()
        if not rows:
            return {}
        expression, converters = self._expires_converters(connection)
        now = tz_now()
        result = {}
        expired = []
        for key, value, expires in rows:
            for converter in converters:
                expires = converter(expires, expression, connection)
            if expires < now:
                expired.append(key)
            else:
                value = connection.ops.process_clob(value)
                result[key_map.get(key)] = pickle.loads(base64.b64decode(value.encode()))
        if expired:
            self._base_delete_many(expired)
        return result
