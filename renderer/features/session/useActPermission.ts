import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { whyCannot, type Act } from '@shared/domain/org/roles';
import { useServices } from '../../services/services';
import { useSession } from './useSession';

/**
 * Why the signed-in person may not do `act`, as a sentence for the disabled button's tooltip; null when
 * they may — and with nobody signed in, since the write then asks for a sign-in first. Live: a role changed
 * in the directory enables or disables the button at once. The repositories check the same table again.
 */
export function useActPermission(act: Act): string | null {
  const { t } = useTranslation();
  const { directory } = useServices();
  const session = useSession();
  const personId = session?.actor.personId ?? null;
  const key = useLiveQuery(
    async () => {
      if (!personId) return null;
      const person = await directory.getPerson(personId);
      if (!person) return (await directory.countPeople()) === 0 ? null : 'roles.why.notInDirectory';
      const hasAdministrator = act === 'roles.change' ? await directory.isAdministratorStored() : true;
      return whyCannot(act, person, await directory.listPositions(), { hasAdministrator });
    },
    [directory, personId, act],
    null,
  );
  return key && session ? t(key, { name: session.actor.name }) : null;
}
