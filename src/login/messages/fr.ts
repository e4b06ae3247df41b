import type { LoginCatalog } from './en.js';

export const fr: LoginCatalog = {
  'login.signIn': 'Se connecter',
  'login.choose': 'Se connecter avec',
  'login.with.google': 'Se connecter avec Google',
  'login.with.facebook': 'Continuer avec Facebook',
  'login.with.apple': 'Se connecter avec Apple',
  'login.with.x': 'Se connecter avec X',
  'login.with.pinterest': 'Continuer avec Pinterest',
  'login.with.wechat': 'Se connecter avec WeChat',
  'login.with.line': 'Se connecter avec LINE',
  'login.pending': 'Connexion en cours…',
  'login.account': 'Compte de {name}',
  'login.signedInAs': 'Connecté·e en tant que {name}',
  'login.signOut': 'Se déconnecter',
  'login.prompt': 'Connectez-vous pour continuer',
  'login.close': 'Fermer',
  'login.error.config': 'La connexion n’est pas encore configurée sur ce site.',
  'login.error.cancelled': 'La connexion a été annulée.',
  'login.error.denied':
    'La connexion a été refusée. Vous pouvez réessayer quand vous le souhaitez.',
  'login.error.provider': 'Le service de connexion a refusé la demande. Veuillez réessayer.',
  'login.error.state':
    'Cette réponse de connexion ne correspond pas à la demande : elle a été ignorée. Veuillez réessayer.',
  'login.error.token':
    'La connexion n’a pas pu être vérifiée : vous n’êtes pas connecté·e. Veuillez réessayer.',
  'login.error.network':
    'Le service de connexion est injoignable. Vérifiez votre connexion puis réessayez.',
  'login.error.issuer':
    'Le service de connexion est indisponible pour le moment. Réessayez plus tard.',
  'login.error.storage': 'La connexion nécessite que ce navigateur autorise les données du site.',
  'login.inApp': 'La connexion fonctionne mieux dans votre navigateur : {app} peut la bloquer ici.',
  'login.inApp.open': 'Ouvrir dans le navigateur',
  'login.inApp.copy': 'Copier le lien',
  'login.inApp.copied': 'Lien copié. Collez-le dans votre navigateur.',
  'login.inApp.hint': 'Ou touchez le menu ••• et choisissez « Ouvrir dans le navigateur ».',
  'login.inApp.anyway': 'Essayer ici quand même',
  'login.app.instagram': 'Instagram',
  'login.app.facebook': 'Facebook',
  'login.app.linkedin': 'LinkedIn',
  'login.app.wechat': 'WeChat',
  'login.myData.download': 'Télécharger mes données',
  'login.myData.delete': 'Supprimer mes données',
  'login.myData.confirmTitle': 'Supprimer vos données ?',
  'login.myData.confirmText':
    'Vos votes seront retirés, votre liste d’envies et les liens que vous avez partagés supprimés de ce site. Vous serez déconnecté. Cette action est définitive.',
  'login.myData.confirm': 'Supprimer mes données',
  'login.myData.cancel': 'Annuler',
  'login.myData.deleting': 'Suppression de vos données…',
  'login.myData.deleted': 'Vos données ont été supprimées et vous êtes déconnecté.',
  'login.myData.failed': 'Cela n’a pas abouti : le site est injoignable. Veuillez réessayer.',
};
