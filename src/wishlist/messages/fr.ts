import type { WishlistCatalog } from './en.js';

export const fr: WishlistCatalog = {
  'wishlist.add': 'Enregistrer {name} dans la liste d’envies',
  'wishlist.remove': 'Retirer {name} de la liste d’envies',
  'wishlist.save': 'Enregistrer',
  'wishlist.saved': 'Enregistré',
  'wishlist.unnamed': 'cet article',
  'wishlist.title': 'Liste d’envies',
  'wishlist.count':
    '{count, plural, =0 {Aucun article enregistré} one {# article enregistré} other {# articles enregistrés}}',
  'wishlist.empty':
    'Votre liste d’envies est vide. Touchez le cœur d’une pièce que vous aimez pour la garder ici.',
  'wishlist.removeItem': 'Retirer',
  'wishlist.removed': '{name} a été retiré de votre liste d’envies.',
  'wishlist.view': 'Voir {name}',
  'wishlist.invalidProduct': 'Indisponible',
  'wishlist.variant': '{name}, {variant}',
  'wishlist.unavailable': 'Momentanément indisponible',
  'share.button': 'Partager',
  'share.wishlist': 'Partager la liste d’envies',
  'share.menu': 'Partager via',
  'share.native': 'Plus d’options…',
  'share.copy': 'Copier le lien',
  'share.copied': 'Lien copié.',
  'share.copyManually': 'Copiez ce lien :',
  'share.pinterest': 'Pinterest',
  'share.facebook': 'Facebook',
  'share.x': 'X',
  'share.whatsapp': 'WhatsApp',
  'share.email': 'E-mail',
  'share.wechat': 'WeChat',
  'share.wechatHint': 'Scannez avec WeChat pour ouvrir le lien.',
  'share.wechatQr': 'QR code du lien',
  'share.qrTooLong': 'Ce lien est trop long pour un QR code ; copiez-le plutôt.',
  'share.close': 'Fermer',
  'share.emptyWishlist': 'Enregistrez d’abord une pièce pour partager votre liste.',
  'share.text': 'Ma liste d’envies',
  'shared.title': 'Une liste d’envies partagée avec vous',
  'shared.saveAll': 'Tout enregistrer dans ma liste',
  'shared.allSaved': 'Tout est dans votre liste',
  'shared.savedAll':
    '{count, plural, =0 {Tout figure déjà dans votre liste d’envies.} one {# pièce ajoutée à votre liste d’envies.} other {# pièces ajoutées à votre liste d’envies.}}',
  'shared.none': 'Ce lien ne contient aucune liste d’envies.',
  'shared.invalid':
    'Ce lien de liste d’envies est abîmé ou incomplet : rien n’a été modifié. Demandez un nouveau lien.',
  'shared.tooLarge':
    'Ce lien de liste d’envies est trop long pour être ouvert sans risque : rien n’a été modifié.',
  'shared.version':
    'Ce lien de liste d’envies vient d’une version plus récente du site : rien n’a été modifié.',
  'shared.expired': 'Ce lien de liste d’envies a expiré. Demandez-en un nouveau.',
  'shared.unavailable':
    'Cette liste d’envies ne peut pas être chargée pour le moment. Réessayez plus tard.',
  'shared.loading': 'Ouverture de la liste d’envies…',
  'share.preparing': 'Préparation du lien…',
};
